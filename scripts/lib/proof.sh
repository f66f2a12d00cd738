# Shared by the proofs that run the course in Podman containers (scripts/prove-container, scripts/prove-fresh-machine):
# messages, time limits, Podman's own store, and a Debian base image made from Debian's mirror with debootstrap.
# The sourcing script sets ROOT, OUT, STORE, PROOF (its name, for messages) and T_START before using these.

say() { printf '%s\n' "$*"; }
step() { printf '\n==> [%4ds] %s\n' "$(($(date +%s) - T_START))" "$*"; }
die() { printf '\n%s: FAILED: %s\n' "$PROOF" "$*" >&2; exit 1; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
now() { date +%s.%N; }

# Runs "$@" with a time limit; on time-out or failure says which step it was and shows the log's tail.
limited() {
  local secs=$1 what=$2 log=$3
  shift 3
  local rc=0
  timeout --kill-after=20 "$secs" "$@" >"$log" 2>&1 || rc=$?
  if ((rc == 124 || rc == 137)); then
    tail -n 40 "$log" >&2
    die "$what did not finish within $secs s (log: ${log#"$ROOT"/})"
  elif ((rc != 0)); then
    tail -n 60 "$log" >&2
    die "$what failed with exit code $rc (log: ${log#"$ROOT"/})"
  fi
}
podman_store() {   # Podman's image store and configuration in a folder of their own ($1)
  local STORE=$1
  mkdir -p "$STORE/graph" "$STORE/run" "$STORE/tmp"
  cat >"$STORE/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$STORE/graph"
runroot = "$STORE/run"
EOF
  # runc: the installed crun refuses this host's hybrid cgroups. Ulimits: the host cannot raise podman's defaults.
  cat >"$STORE/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
image_copy_tmp_dir = "$STORE/tmp"
EOF
  export CONTAINERS_STORAGE_CONF=$STORE/storage.conf CONTAINERS_CONF=$STORE/containers.conf TMPDIR=$STORE/tmp
}

apt_uri() {   # the first URI this host's apt uses for the given archive (debian or debian-security)
  local want=$1
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } |
    grep -v '^[[:space:]]*#' | grep -oE 'https?://[^ ]+' | sed 's:/*$::' | grep -E "/$want\$" | head -n 1
}

# debian_base SUITE IMAGE [PACKAGE...]: a minimal Debian SUITE (bookworm, trixie) made with debootstrap from this
# host's mirror and imported as IMAGE, unless IMAGE exists (then reused). PACKAGEs are added to the minimal set.
debian_base() {
  local suite=$1 image=$2
  shift 2
  local include=""
  (($#)) && include="--include=$(IFS=,; echo "$*")"
  if podman image exists "$image"; then
    say "present (reused)"
    return
  fi
  local mirror security rootfs
  mirror=${DEBIAN_MIRROR:-$(apt_uri debian)}
  security=${DEBIAN_SECURITY_MIRROR:-$(apt_uri debian-security)}
  [[ -n $mirror ]] || die "no Debian mirror found in this host's apt sources; set DEBIAN_MIRROR"
  [[ -n $security ]] || security="${mirror%/debian}/debian-security"
  rootfs=$STORE/rootfs-$suite
  rm -rf "$rootfs"
  say "debootstrap --variant=minbase $include $suite from $mirror"
  limited 900 "debootstrap" "$OUT/debootstrap-$suite.log" \
    debootstrap --variant=minbase $include "$suite" "$rootfs" "$mirror"
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
    -cf "$STORE/base-$suite.tar" .
  podman import -q --change 'CMD ["bash"]' "$STORE/base-$suite.tar" "$image" >/dev/null
  rm -rf "$rootfs" "$STORE/base-$suite.tar"
  say "imported as $image"
}
