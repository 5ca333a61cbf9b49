#!/usr/bin/env bash
# Entry point of the silo images (/usr/local/bin/agcc-silo).
#
# A silo binds to the address it advertises (SiloHostingExtensions: listenOnAnyHostAddress: false),
# and a container learns its address only when it starts. So, unless AgCc__Silo__AdvertisedAddress
# is set (Kubernetes sets it to the pod IP through the downward API), this script takes the
# container's own IPv4 address (`hostname -i`, which Docker answers from /etc/hosts) and exports it.
# AgCc__Silo__Name defaults to ROLE-HOSTNAME, so replicas get distinct names in the dashboard.
#
#   agcc-silo [ARGS...]   start the silo (ARGS go to it as command-line configuration)
#   agcc-silo --probe     exit 0 when the gateway port accepts TCP connections (health checks)
set -euo pipefail

own_address() {
  local candidates address
  candidates="$(hostname -i 2>/dev/null || getent ahostsv4 "$(cat /proc/sys/kernel/hostname)" | awk '{print $1}')"
  for address in $candidates; do
    # The first IPv4 address that is not loopback (some hosts map their name to 127.0.1.1).
    if [[ "$address" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ && "$address" != 127.* ]]; then
      echo "$address"
      return 0
    fi
  done
  echo "agcc-silo: cannot find this container's IPv4 address (got '${candidates}'); set AgCc__Silo__AdvertisedAddress" >&2
  return 1
}

if [[ -z "${AgCc__Silo__AdvertisedAddress:-}" ]]; then
  AgCc__Silo__AdvertisedAddress="$(own_address)"
  export AgCc__Silo__AdvertisedAddress
fi

if [[ "${1:-}" == "--probe" ]]; then
  exec timeout 3 bash -c "exec 3<>/dev/tcp/${AgCc__Silo__AdvertisedAddress}/${AgCc__Silo__GatewayPort:-30000}"
fi

if [[ -z "${AgCc__Silo__Name:-}" ]]; then
  AgCc__Silo__Name="${AgCc__Silo__Role:-cpu}-$(cat /proc/sys/kernel/hostname)"
  export AgCc__Silo__Name
fi

echo "agcc-silo: ${AgCc__Silo__Name} advertises ${AgCc__Silo__AdvertisedAddress}:${AgCc__Silo__SiloPort:-11111} (gateway ${AgCc__Silo__GatewayPort:-30000})"
exec dotnet /app/AgCc.Silo.dll "$@"
