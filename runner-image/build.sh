#!/usr/bin/env bash
# Builds the runner image when its recipe changed and prints the image tag on stdout (only that;
# progress goes to stderr). The tag is a content hash of the recipe, so an unchanged recipe is a
# sub-second no-op: the image survives in /var/lib/docker on the same machine.
#
# No base image can be pulled here, so the root filesystem comes from debootstrap against the
# Debian mirror apt already uses, and the Dockerfile is just FROM scratch + ADD rootfs.tar.
# Needs root and a running Docker engine (scripts/prepare.sh provides both).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
state=${SKRIPTOTEKET_STATE_DIR:-$repo/.local}
# Debian's client: the one in /usr/local/bin has no buildx, so it falls back to the legacy builder.
docker=/usr/bin/docker

recipe=$(cd "$here" && sha256sum Dockerfile build.sh packages.txt caps.json runner.py warm.py $(find lib skriptoteket_runner -name '*.py' | sort) |
  sha256sum | cut -c1-12)
tag="skriptoteket-runner:$recipe"

if "$docker" image inspect "$tag" >/dev/null 2>&1; then
  echo "$tag"
  exit 0
fi

log() { echo "[runner-image] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_us() { echo "${EPOCHREALTIME/./}"; }
since() { local d=$(( $(now_us) - $1 )); printf '%d.%01ds' $((d / 1000000)) $((d % 1000000 / 100000)); }

[ "$(id -u)" = 0 ] || die "building the image needs root (debootstrap, chroot)"
"$docker" version >/dev/null 2>&1 || die "Docker engine not reachable; run scripts/prepare.sh first"
command -v debootstrap >/dev/null || die "debootstrap missing; run scripts/prepare.sh first"

mkdir -p "$state"
# Two callers at once (e.g. parallel test runs) must not both spend two minutes building.
exec 9>"$state/runner-image.lock"
flock 9
if "$docker" image inspect "$tag" >/dev/null 2>&1; then
  echo "$tag"
  exit 0
fi

# The mirror apt on this machine already uses (deb822 .sources first, then sources.list).
debian_mirror() {
  local uri=""
  if [ -n "${SKRIPTOTEKET_DEBIAN_MIRROR:-}" ]; then
    echo "$SKRIPTOTEKET_DEBIAN_MIRROR"
    return
  fi
  if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
    uri=$(awk 'BEGIN { RS = "" }
      { uri = ""; ok = 0; n = split($0, line, "\n")
        for (i = 1; i <= n; i++) {
          if (line[i] ~ /^URIs:/) { split(line[i], f, /[ \t]+/); uri = f[2] }
          if (line[i] ~ /^Suites:/ && line[i] ~ /[ \t]bookworm([ \t]|$)/) ok = 1
        }
        if (ok && uri != "") { print uri; exit } }' /etc/apt/sources.list.d/*.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(sed -E 's/\[[^]]*\]//' /etc/apt/sources.list |
      awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }')
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

build="$state/rootfs-build"
root="$build/rootfs"
context="$build/context"
buildlog="$state/runner-image-build.log"

# Unmount whatever a failed run left mounted inside the build dir before deleting it;
# --one-file-system keeps rm from ever descending into a mount.
cleanup() {
  if [ -d "$build" ]; then
    findmnt -rn -o TARGET | awk -v p="$build/" 'index($0, p) == 1' | sort -r |
      while read -r m; do umount -l "$m" || true; done
    rm -rf --one-file-system "$build"
  fi
}
trap cleanup EXIT
cleanup
mkdir -p "$root" "$context"
: > "$buildlog"

in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}
run_logged() {
  "$@" >>"$buildlog" 2>&1 || { tail -n 40 "$buildlog" >&2; die "failed: $*  (log: $buildlog)"; }
}

mirror=$(debian_mirror)
log "building $tag from $mirror (log: $buildlog)"

t=$(now_us)
run_logged debootstrap --variant=minbase --include=python3 bookworm "$root" "$mirror"
log "debootstrap $(since "$t")"

t=$(now_us)
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Packages must not try to start services inside the chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
mount -t proc proc "$root/proc"
mapfile -t packages < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/packages.txt")
run_logged in_root apt-get update -qq
run_logged in_root apt-get install -y -qq --no-install-recommends --no-upgrade \
  -o Dpkg::Use-Pty=0 "${packages[@]}"
[ ! -d "$root/usr/lib/python3/dist-packages/scipy" ] ||
  log "WARNING: scipy got into the image (see the munkres note in packages.txt)"
log "apt in chroot $(since "$t")"

t=$(now_us)
# The script runs as this user; no login shell, no home of its own (HOME=/tmp at run time).
run_logged in_root groupadd --gid 10001 runner
run_logged in_root useradd --uid 10001 --gid 10001 --no-create-home --home-dir /tmp \
  --shell /usr/sbin/nologin runner
# /work belongs to runner so that a volume or tmpfs mounted there inherits that ownership.
install -d -o 10001 -g 10001 -m 0755 "$root/work"
install -d -o 0 -g 0 -m 0755 "$root/opt/skriptoteket"
install -o 0 -g 0 -m 0644 "$here/runner.py" "$root/opt/skriptoteket/runner.py"
# The caps a job may leave out; the host reads the same file for its ExecutionOptions defaults.
install -o 0 -g 0 -m 0644 "$here/caps.json" "$root/opt/skriptoteket/caps.json"
# The wrapper's parts, one concern a module (skriptoteket_runner/__init__.py lists them).
install -d -o 0 -g 0 -m 0755 "$root/opt/skriptoteket/skriptoteket_runner"
install -o 0 -g 0 -m 0644 "$here"/skriptoteket_runner/*.py "$root/opt/skriptoteket/skriptoteket_runner/"
# The warm pool's entry (docs/execution.md, "Warm pool"): runner.py with the libraries imported in advance.
install -o 0 -g 0 -m 0644 "$here/warm.py" "$root/opt/skriptoteket/warm.py"
# The helper module scripts import (`import skriptoteket`, protocol v2); the wrapper adds lib/ to sys.path.
install -d -o 0 -g 0 -m 0755 "$root/opt/skriptoteket/lib/skriptoteket"
install -o 0 -g 0 -m 0644 "$here"/lib/skriptoteket/*.py "$root/opt/skriptoteket/lib/skriptoteket/"
# matplotlib scans the fonts on first use; build that cache once, the wrapper copies it to /tmp/mpl.
run_logged in_root env MPLCONFIGDIR=/opt/skriptoteket/mpl-cache MPLBACKEND=Agg \
  python3 -c 'import matplotlib.font_manager'
chmod -R a+rX "$root/opt/skriptoteket"
# The root filesystem is read-only at run time: every .pyc must exist in the image.
run_logged in_root python3 -m compileall -q /usr/lib/python3 /usr/lib/python3.11 /opt/skriptoteket
umount "$root/proc"
# Slim: nothing below is needed at run time.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/cache/debconf/*-old \
  "$root"/var/log/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
  "$root"/usr/share/locale/* "$root"/usr/share/lintian "$root/etc/resolv.conf" \
  "$root/usr/sbin/policy-rc.d"
# Test suites of the big libraries (~70 MB) are never imported at run time.
for lib in pandas numpy matplotlib mpl_toolkits sympy; do
  find "$root/usr/lib/python3/dist-packages/$lib" -type d -name tests -prune -exec rm -rf {} +
done
tar --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
  -C "$root" -cf "$context/rootfs.tar" .
cp "$here/Dockerfile" "$context/Dockerfile"
log "rootfs ready $(since "$t") ($(du -sh "$context/rootfs.tar" | cut -f1) tar)"

t=$(now_us)
run_logged env DOCKER_BUILDKIT=1 "$docker" build -q --build-arg "RECIPE=$recipe" -t "$tag" "$context"
size=$("$docker" image inspect -f '{{.Size}}' "$tag")
log "docker build $(since "$t"); image $tag is $((size / 1000000)) MB"
echo "$tag"
