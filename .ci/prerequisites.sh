# Shared by run.sh, test.sh and .ci/run: find or install what the project needs on Debian/Ubuntu.
# Installs only when root or passwordless sudo is available; otherwise prints the exact command to run.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

apt_install() {
  echo "Installing $* ..."
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
     ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
    echo "Could not install $*. Run:  sudo apt-get update && sudo apt-get install -y $*" >&2
    exit 1
  fi
}

need_dotnet() {
  if ! command -v dotnet >/dev/null; then
    echo "The .NET 10 SDK is missing: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    exit 1
  fi
}

need_postgres_server() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
    apt_install postgresql
  fi
}

need_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium fonts-dejavu-core
  fi
}
