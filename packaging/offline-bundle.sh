#!/usr/bin/env bash
# packaging/offline-bundle.sh: the offline bundle for machines without network access.
#
#   packaging/offline-bundle.sh [--deb FILE] [--out DIR] [--mirror URL] [--check]
#
# Makes OUT/rectrack-offline-VERSION-debian12-amd64/ and a .tar of it, holding
#   rectrack_*.deb          the package built with `cpack -G DEB` (default: the newest in build/)
#   debs/                   every Debian package it needs on a minimal Debian 12 (the closure)
#   optional/fcitx5/        fcitx5-frontend-qt6 and what it needs (Chinese input under fcitx5),
#                           installed only where fcitx5 is installed
#   install.sh              installs them with dpkg only (no network, no apt)
#   uninstall.sh, README.txt (in Chinese, for the IT officer), SHA256SUMS
#
# The closure is the true one: the package is installed with `apt-get --download-only` into a
# fresh minimal Debian 12 (debootstrap --variant=minbase) with bookworm, bookworm-updates and
# bookworm-security, so what it lists is exactly what a minimal system lacks. Needs root,
# debootstrap (installed when missing) and network (on the machine that builds the bundle, not on the one that installs it).
#
# --check then installs the bundle into another fresh minimal Debian 12 without apt sources and
# without a network (unshare -n) and runs rectrack-cli demo, stats, verify and report there.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
deb=""
out="$root/build"
mirror="${MIRROR:-http://deb.debian.org/debian}"
security="${SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) deb="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --mirror) mirror="$2"; shift 2 ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "offline-bundle: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done

die() { echo "offline-bundle: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap and chroot need it)"
if [ -z "$deb" ]; then
  deb=$(ls -t "$root"/build/rectrack_*_amd64.deb 2>/dev/null | head -n1 || true)
  [ -n "$deb" ] || die "no build/rectrack_*_amd64.deb: run (cd build && cpack -G DEB) first, or pass --deb FILE"
fi
[ -f "$deb" ] || die "$deb: no such file"
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
version=$(dpkg-deb -f "$deb" Version)
arch=$(dpkg-deb -f "$deb" Architecture)
[ "$(dpkg-deb -f "$deb" Package)" = rectrack ] || die "$deb is not the rectrack package"

if ! command -v debootstrap >/dev/null; then
  echo "offline-bundle: installing debootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi
for tool in chroot unshare dpkg-deb; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done

# A minimal Debian 12, made once and copied for every use.
cache="${RECTRACK_BUNDLE_CACHE:-/var/cache/rectrack-bundle}"
base="$cache/bookworm-minbase-$arch"
if [ ! -f "$base/.done" ]; then
  echo "offline-bundle: debootstrap --variant=minbase bookworm (once, cached in $base)"
  rm -rf "$base"; mkdir -p "$cache"
  debootstrap --variant=minbase --arch="$arch" bookworm "$base" "$mirror" >"$base.log" 2>&1 \
    || die "debootstrap failed, see $base.log"
  touch "$base/.done"
fi

work=$(mktemp -d)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

fresh_copy() { # DIR: a new copy of the minimal system
  mkdir -p "$1"; cp -a "$base/." "$1/"; rm -f "$1/.done"
  rm -f "$1"/var/cache/apt/archives/*.deb   # debootstrap leaves the base system's packages there
}

# Downloads into $sys/var/cache/apt/archives what installing PACKAGES... on $sys needs.
download_closure() { # SYS PACKAGES...
  local sys="$1"; shift
  chroot "$sys" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    ${http_proxy:+http_proxy=$http_proxy} \
    apt-get install -y -qq --download-only --no-install-recommends "$@" >/dev/null
}

echo "offline-bundle: resolving the closure of $(basename "$deb") on a minimal Debian 12"
sys="$work/sys"
fresh_copy "$sys"
cp /etc/resolv.conf "$sys/etc/resolv.conf" 2>/dev/null || true
rm -f "$sys"/etc/apt/sources.list.d/*
cat >"$sys/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
cp "$deb" "$sys/tmp/"
chroot "$sys" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin ${http_proxy:+http_proxy=$http_proxy} \
  apt-get update -qq >/dev/null
archives="$sys/var/cache/apt/archives"
download_closure "$sys" "/tmp/$(basename "$deb")"
name="rectrack-offline-${version%-*}-debian12-$arch"
bundle="$out/$name"
rm -rf "$bundle" "$bundle.tar"
mkdir -p "$bundle/debs" "$bundle/optional/fcitx5"
mv "$archives"/*.deb "$bundle/debs/"
# Optional: Chinese input for Qt 6 programs under fcitx5 (the package Recommends it).
download_closure "$sys" "/tmp/$(basename "$deb")" fcitx5-frontend-qt6
for f in "$archives"/*.deb; do
  [ -e "$bundle/debs/$(basename "$f")" ] || mv "$f" "$bundle/optional/fcitx5/"
done
cp "$deb" "$bundle/"

cp "$here/offline/install.sh" "$here/offline/uninstall.sh" "$here/offline/README.txt" "$bundle/"
chmod 0755 "$bundle/install.sh" "$bundle/uninstall.sh"
sed -i "s/@VERSION@/${version}/g" "$bundle/README.txt"
(cd "$bundle" && find . -name '*.deb' -printf '%P\n' | sort | xargs sha256sum > SHA256SUMS)
tar -C "$out" -cf "$bundle.tar" "$name"
n=$(ls "$bundle/debs" | wc -l); o=$(ls "$bundle/optional/fcitx5" | wc -l)
echo "offline-bundle: $bundle/ and $bundle.tar ($(du -sh "$bundle.tar" | cut -f1)):"
echo "  $(basename "$deb") + $n packages it needs + $o optional (fcitx5-frontend-qt6)"

if [ "$check" -eq 1 ]; then
  echo "offline-bundle: --check: installing into a fresh minimal Debian 12 without apt sources or network"
  t="$work/target"
  fresh_copy "$t"
  rm -f "$t/etc/apt/sources.list" "$t"/etc/apt/sources.list.d/*
  rm -rf "$t/var/lib/apt/lists/"*
  mkdir -p "$t/root/bundle"; tar -C "$t/root/bundle" -xf "$bundle.tar"
  mount -t proc proc "$t/proc"
  trap 'umount -l "$t/proc" 2>/dev/null; cleanup' EXIT
  unshare -n chroot "$t" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    sh -ec "cd /root/bundle/$name && ./install.sh && cd /tmp && rectrack-cli demo d.rtreg \
            && rectrack-cli stats d.rtreg && rectrack-cli verify d.rtreg \
            && rectrack-cli report d.rtreg -o r.pdf && test -s r.pdf \
            && QT_QPA_PLATFORM=offscreen rectrack --version"
  echo "offline-bundle: --check passed"
fi
