#!/bin/sh
# Nightly backup of Kontaktregistret's shared PostgreSQL database, recorded so the app knows of it
# (README, "Backups on the server"). Run it from cron on the backup host as the backup account.
#
#   pg-backup.sh /srv/backup/kontaktregistret
#
# The connection comes from libpq's environment, as for psql: PGHOST, PGPORT, PGDATABASE, PGUSER,
# PGSSLMODE=verify-full (required) and PGSSLROOTCERT; the password in ~/.pgpass (mode 0600), never here.
# Exit code 0 only when the dump is complete, reads back, and is recorded in the database.
set -eu
umask 077 # the dump holds every record: readable by the backup account only, whatever cron's umask
dir=${1:?usage: pg-backup.sh <backup folder>}
# libpq's default (prefer) neither requires TLS nor checks who answers: the dump and the password
# would go to whoever is in between. Only a verified server is accepted.
case "${PGSSLMODE:-}" in
verify-full) ;;
*)
  echo "pg-backup.sh: sätt PGSSLMODE=verify-full (och PGSSLROOTCERT till CA-certifikatet) så att servern verifieras; inget har säkerhetskopierats." >&2
  exit 2
  ;;
esac
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
name="kontaktregistret-$(date -u +%Y%m%d-%H%M%S).dump"
part="$dir/.$name.part"
trap 'rm -f "$part"' EXIT
pg_dump --format=custom --file="$part"
pg_restore --list "$part" >/dev/null # the archive reads back whole
mv "$part" "$dir/$name"
bytes=$(wc -c <"$dir/$name" | tr -d ' ')
sha=$(sha256sum "$dir/$name" | cut -d ' ' -f 1)
psql -X -q -A -t -v ON_ERROR_STOP=1 -v label="$name" -v bytes="$bytes" -v sha="$sha" -v started="$started" <<'SQL'
SELECT kontaktregistret_backup_taken(:'label', :'bytes', :'sha', :'started');
SQL
echo "$dir/$name $bytes byte sha256 $sha"
