#!/bin/sh
# 卸载 Rectrack（只删除程序，不删除任何台账文件）。用法（root）：sh uninstall.sh
# Removes the rectrack package only; registers (*.rtreg) and the libraries it needed stay.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
[ "$(id -u)" -eq 0 ] || { echo "请以 root 身份运行：sudo sh uninstall.sh" >&2; exit 1; }
dpkg -P rectrack
echo "已卸载 rectrack。台账文件（*.rtreg）未被删除，见 README.txt「数据文件位置」。"
