#!/bin/sh
# Rectrack 离线安装：只用 dpkg 安装本目录里的软件包，不访问网络，不用 apt。
# 用法（root）：sh install.sh
# Offline install of Rectrack with dpkg only (no network, no apt). Run as root: sh install.sh
set -eu
cd "$(dirname "$0")"
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH DEBIAN_FRONTEND=noninteractive

say() { printf '%s\n' "$*"; }
die() { say "安装失败 / install failed: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "请以 root 身份运行：sudo sh install.sh （run as root）"
command -v dpkg >/dev/null || die "本系统没有 dpkg，不是 Debian 系系统 (no dpkg)"

deb=$(ls rectrack_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || die "找不到 rectrack_*.deb，请在解压后的安装包目录中运行 (rectrack_*.deb not found)"
want_arch=$(dpkg-deb -f "$deb" Architecture)
[ "$(dpkg --print-architecture)" = "$want_arch" ] \
  || die "本安装包适用于 $want_arch 系统，本机是 $(dpkg --print-architecture)"
major=$(cut -d. -f1 /etc/debian_version 2>/dev/null || echo "?")
if [ "$major" != 12 ] && [ "${RECTRACK_FORCE:-0}" != 1 ]; then
  die "本安装包适用于 Debian 12 (bookworm)，本机 /etc/debian_version 为 $(cat /etc/debian_version 2>/dev/null || echo 无)。
  统信 UOS 20、麒麟 V10 等较旧系统缺少 Qt 6，需要单独构建。确认要继续可运行：RECTRACK_FORCE=1 sh install.sh"
fi

say "校验安装包完整性 (checking SHA256SUMS) ..."
sha256sum -c --quiet SHA256SUMS || die "文件已损坏或不完整，请重新拷贝安装包 (checksum mismatch)"

# Finish an earlier interrupted run, if any.
dpkg --configure -a

installed_version() { # PACKAGE[:ARCH]: the installed version, empty when not installed
  dpkg-query -W -f='${db:Status-Status} ${Version}\n' "$1" 2>/dev/null \
    | awk '$1 == "installed" { print $2; exit }'
}

# Only packages that are missing or older than the bundled ones; newer ones are kept.
list=$(mktemp)
trap 'rm -f "$list"' EXIT
pick() { # FILE...
  for f in "$@"; do
    [ -e "$f" ] || continue
    p=$(dpkg-deb -f "$f" Package); v=$(dpkg-deb -f "$f" Version); a=$(dpkg-deb -f "$f" Architecture)
    if [ "$a" = all ]; then have=$(installed_version "$p"); else have=$(installed_version "$p:$a"); fi
    if [ -z "$have" ] || dpkg --compare-versions "$have" lt "$v"; then
      printf '%s\n' "$f" >>"$list"
    fi
  done
}
pick debs/*.deb
if [ -n "$(installed_version fcitx5)" ]; then
  say "检测到 fcitx5 输入法：一并安装 fcitx5-frontend-qt6（Qt 6 程序的中文输入）"
  pick optional/fcitx5/*.deb
fi
n=$(wc -l <"$list")
say "安装 Rectrack 及其所需的 $n 个软件包 (installing rectrack and $n packages it needs) ..."
# shellcheck disable=SC2046
dpkg -i $(cat "$list") "$deb" || die "dpkg 报错，见上方信息；可再次运行本脚本，或运行 dpkg --configure -a"

dpkg-query -W -f='${db:Status-Status}' rectrack | grep -qx installed || die "rectrack 未安装成功"
say "安装完成 (installed): $(dpkg-query -W -f='rectrack ${Version}' rectrack)"
say "从应用菜单「办公」中打开「巡察整改监督台账」，或在终端运行 rectrack；命令行工具为 rectrack-cli。"
