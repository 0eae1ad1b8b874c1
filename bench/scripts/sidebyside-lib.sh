# Sourced by the sidebyside-*.sh variants: the shared harness's chroot (Kreuzberg needs glibc 2.38) with the list's
# common directory bound at /data, as ../shared/tools/sidebyside/run.sh does it, unmounted on exit.
#   sbs_mount LISTFILE      sets SBS and T; writes $T/sbs/run.list (the list's paths inside the chroot)
sbs_mount() {
  SBS=${SBS:-/tmp/sbs}; T=$SBS/trixie
  [ -x "$T/usr/bin/node" ] || { echo "run ../shared/tools/sidebyside/setup.sh first" >&2; exit 2; }
  local root
  root=$(python3 -c 'import os,sys; print(os.path.commonpath([l.strip() for l in open(sys.argv[1]) if l.strip()]))' "$1")
  [ -d "$root" ] || root=$(dirname "$root")
  mountpoint -q "$T/data" && umount "$T/data"
  mount --bind "$root" "$T/data"
  sed "s#^$root#/data#" "$1" > "$T/sbs/run.list"
  trap 'umount "$T/data" 2>/dev/null' EXIT
}
