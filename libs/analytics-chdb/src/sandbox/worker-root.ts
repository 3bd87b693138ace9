/**
 * The file system an analyst worker sees (decision 0024, amended by 0033). Run as root by
 * `unshare --mount --pid --fork --net`, so every mount below is private to the worker and dies
 * with it. It builds a new root from an allowlist and starts the worker in it:
 *   a tmpfs root, read-only afterwards; the listed paths bound read-only (the programs and their
 *   libraries: no /etc, /home, /root, /work data, /var); the query's snapshot bound writable (its
 *   folders are the worker's, its files stay read-only to it); a private tmpfs /tmp of 16 MiB;
 *   /proc of the worker's own process namespace; /dev/null, /dev/zero and /dev/urandom.
 * Arguments: <root mount point> <snapshot folder> <read-only path>... -- <command>...
 *
 * Run as `sh -c <script> worker-root <arguments>`: a string, so the build has no file to copy.
 */
export const WORKER_ROOT_SCRIPT = `set -eu
root=$1
snapshot=$2
shift 2

mount -t tmpfs -o mode=0755,size=1m,nosuid tmpfs "$root"
# The private /tmp first: a read-only path under the host's /tmp (a checkout there) is bound into it
# below, not hidden by it.
mkdir -p "$root/tmp" "$root/proc" "$root/dev"
mount -t tmpfs -o size=16m,mode=1777,nosuid,nodev,noexec tmpfs "$root/tmp"

# Each program started here costs tens of milliseconds on a busy machine: one mount per path
# (a read-only bind in one call), parent folders by the shell's own expansion.
read_only() {
  if [ -L "$1" ]; then
    # A merged /usr's /lib -> usr/lib: the same link in the new root.
    ln -s "$(readlink "$1")" "$root$1"
    return
  fi
  if [ -d "$1" ]; then mkdir -p "$root$1"; else mkdir -p "$root\${1%/*}"; : > "$root$1"; fi
  mount --bind -o ro,nosuid,nodev "$1" "$root$1"
}

while [ "$1" != "--" ]; do
  read_only "$1"
  shift
done
shift

# After /tmp: the snapshot, and the programs of a checkout that lives under /tmp, are bound into it.
mkdir -p "$root$snapshot"
mount --bind -o nosuid,nodev,noexec "$snapshot" "$root$snapshot"
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
for device in null zero urandom; do
  : > "$root/dev/$device"
  mount --bind "/dev/$device" "$root/dev/$device"
done

mount -o remount,ro,nosuid tmpfs "$root"
# The shell exports where it was started: the worker gets a PATH and nothing else.
unset PWD OLDPWD
exec /usr/sbin/chroot "$root" "$@"
`;
