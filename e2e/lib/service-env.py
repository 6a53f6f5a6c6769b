#!/usr/bin/env python3
"""The fleet, locksmith and flannel settings of the e2e stage, and the check that each reached the
process of its (stand-in) service exactly.

  service-env.py cloud-config            the coreos: fleet/locksmith/flannel/update YAML (stdout)
  service-env.py check UNIT PRIV PUB     stdin: base64 of /proc/<pid>/environ of UNIT's process;
                                         exit 0 when the UNIT's variables are exactly the expected
                                         ones ($private_ipv4/$public_ipv4 replaced by PRIV/PUB),
                                         else print each difference and exit 1

Values carry what escaping gets wrong: spaces (inner, leading, trailing), double and single
quotes, $ (a variable Kindling does not know stays literal), % (a systemd specifier when
unescaped) and backslashes.
"""
import base64
import sys

# section -> [(yaml key, environment variable, YAML value as written, expected value)]
SETTINGS = {
    "fleet": [
        ("metadata", "FLEET_METADATA",
         "region=us-east,label=\"two words\",note='single',price=$5,cpu=100%h,path=C:\\tmp\\new", None),
        ("public_ip", "FLEET_PUBLIC_IP", "$private_ipv4", None),
        ("etcd_servers", "FLEET_ETCD_SERVERS", "http://$private_ipv4:2379,http://10.0.1.18:2379", None),
        ("etcd_key_prefix", "FLEET_ETCD_KEY_PREFIX", "/fleet prefix/with space/", None),
        ("etcd_password", "FLEET_ETCD_PASSWORD", "p\"a'ss\\w%0rd $HOME \\\\ end", None),
        ("agent_ttl", "FLEET_AGENT_TTL", "30s", None),
        ("verbosity", "FLEET_VERBOSITY", 2, "2"),
        ("etcd_request_timeout", "FLEET_ETCD_REQUEST_TIMEOUT", 1.5, "1.5"),
        ("verify_units", "FLEET_VERIFY_UNITS", True, "true"),
    ],
    "locksmith": [
        ("endpoint", "LOCKSMITHD_ENDPOINT", "http://$private_ipv4:2379", None),
        ("group", "LOCKSMITHD_GROUP", "web \"blue\" 100%", None),
        ("etcd_username", "LOCKSMITHD_ETCD_USERNAME", " spaced user ", None),
        ("etcd_password", "LOCKSMITHD_ETCD_PASSWORD", "back\\slash\\\\double$x'", None),
        ("window_start", "REBOOT_WINDOW_START", "Thu 04:00", None),
        ("window_length", "REBOOT_WINDOW_LENGTH", "1h30m", None),
    ],
    "flannel": [
        ("etcd_endpoints", "FLANNELD_ETCD_ENDPOINTS", "http://$private_ipv4:2379", None),
        ("etcd_prefix", "FLANNELD_ETCD_PREFIX", "/coreos.com/network", None),
        ("interface", "FLANNELD_IFACE", "$private_ipv4", None),
        ("public_ip", "FLANNELD_PUBLIC_IP", "$public_ipv4", None),
        ("etcd_username", "FLANNELD_ETCD_USERNAME", " padded ", None),
        ("etcd_password", "FLANNELD_ETCD_PASSWORD", "x\\y \"z\" $HOME 50% 'q'", None),
        ("ip_masq", "FLANNELD_IP_MASQ", "true", None),
    ],
}
# What the unit's process must see, beyond its section's variables (locksmithd reads update.conf:
# the image's /usr/share/coreos/update.conf merged with reboot_strategy).
EXTRA = {
    "locksmithd": {"REBOOT_STRATEGY": "etcd-lock", "GROUP": "stable",
                   "SERVER": "https://public.update.core-os.net/v1/update/"},
}
UNITS = {"fleet": "fleet", "locksmithd": "locksmith", "flanneld": "flannel"}
PREFIXES = ("FLEET_", "LOCKSMITHD_", "REBOOT_", "FLANNELD_", "GROUP", "SERVER")


def yaml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


def cloud_config():
    out = ["coreos:"]
    for section, settings in SETTINGS.items():
        out.append(f"  {section}:")
        for key, _, value, _ in settings:
            out.append(f"    {key}: {yaml_value(value)}")
    out.append("  update:")
    out.append("    reboot_strategy: etcd-lock")
    print("\n".join(out))


def expected(unit, private, public):
    want = {}
    for _, variable, value, rendered in SETTINGS[UNITS[unit]]:
        text = rendered if rendered is not None else value
        want[variable] = text.replace("$private_ipv4", private).replace("$public_ipv4", public)
    want.update(EXTRA.get(unit, {}))
    return want


def check(unit, private, public):
    raw = base64.b64decode(sys.stdin.read())
    got = {}
    for entry in raw.split(b"\0"):
        if b"=" in entry:
            name, _, value = entry.decode("utf-8").partition("=")
            if name.startswith(PREFIXES):
                got[name] = value
    want = expected(unit, private, public)
    problems = []
    for name in sorted(set(want) | set(got)):
        if want.get(name) != got.get(name):
            problems.append(f"{name}: expected {want.get(name)!r}, got {got.get(name)!r}")
    for p in problems:
        print(p)
    if not problems:
        print(f"{len(want)} variables exact")
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["cloud-config"]:
        cloud_config()
    elif sys.argv[1:2] == ["check"] and len(sys.argv) == 5:
        sys.exit(check(*sys.argv[2:5]))
    else:
        sys.exit(__doc__)
