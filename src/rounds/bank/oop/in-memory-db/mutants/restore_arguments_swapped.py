from bisect import bisect_right


class InMemoryDB:
    def __init__(self):
        # key -> {field: (value, expires_at)}; expires_at is None for a permanent field.
        # A record is dropped as soon as its last field is deleted.
        self._records = {}
        self._backup_times = []
        self._backups = []  # {key: {field: (value, remaining ttl or None)}}, alive fields only

    # Level 1 ---------------------------------------------------------------

    def set(self, key, field, value):
        self._records.setdefault(key, {})[field] = (value, None)

    def get(self, key, field):
        entry = self._records.get(key, {}).get(field)
        return None if entry is None else entry[0]

    def delete(self, key, field):
        rec = self._records.get(key)
        if rec is None or field not in rec:
            return False
        del rec[field]
        if not rec:
            del self._records[key]
        return True

    # Level 2 ---------------------------------------------------------------

    def scan(self, key):
        return self.scan_by_prefix(key, "")

    def scan_by_prefix(self, key, prefix):
        rec = self._records.get(key, {})
        return [f"{f}({v})" for f, (v, _) in sorted(rec.items()) if f.startswith(prefix)]

    # Level 3 ---------------------------------------------------------------

    @staticmethod
    def _alive(entry, timestamp):
        return entry is not None and (entry[1] is None or timestamp < entry[1])

    def _fields_at(self, key, timestamp):
        rec = self._records.get(key, {})
        return {f: e for f, e in rec.items() if self._alive(e, timestamp)}

    def set_at(self, key, field, value, timestamp):
        self._records.setdefault(key, {})[field] = (value, None)

    def set_at_with_ttl(self, key, field, value, timestamp, ttl):
        self._records.setdefault(key, {})[field] = (value, timestamp + ttl)

    def delete_at(self, key, field, timestamp):
        entry = self._records.get(key, {}).get(field)
        if not self._alive(entry, timestamp):
            return False
        return self.delete(key, field)

    def get_at(self, key, field, timestamp):
        entry = self._records.get(key, {}).get(field)
        return entry[0] if self._alive(entry, timestamp) else None

    def scan_at(self, key, timestamp):
        return self.scan_by_prefix_at(key, "", timestamp)

    def scan_by_prefix_at(self, key, prefix, timestamp):
        fields = self._fields_at(key, timestamp)
        return [f"{f}({v})" for f, (v, _) in sorted(fields.items()) if f.startswith(prefix)]

    # Level 4 ---------------------------------------------------------------

    def backup(self, timestamp):
        snap = {}
        for key in self._records:
            fields = self._fields_at(key, timestamp)
            if fields:
                snap[key] = {f: (v, None if exp is None else exp - timestamp) for f, (v, exp) in fields.items()}
        self._backup_times.append(timestamp)
        self._backups.append(snap)
        return len(snap)

    def restore(self, timestamp_to_restore, timestamp):
        i = bisect_right(self._backup_times, timestamp_to_restore) - 1
        if i < 0:
            return None
        self._records = {
            key: {f: (v, None if rem is None else timestamp + rem) for f, (v, rem) in fields.items()}
            for key, fields in self._backups[i].items()
        }
        return None
