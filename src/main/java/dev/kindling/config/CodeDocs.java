package dev.kindling.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The documentation of every finding code: what it means, an example that produces it and the fix.
 * It is the one source of {@code docs/codes.md}, the SARIF rule descriptions, the language server's
 * links and {@code kindling explain}; a test keeps the page in step with it and checks that each
 * example really produces its code.
 */
public final class CodeDocs {
  /** The project's home page. */
  public static final String HOME = "https://github.com/kindling-dev/kindling";

  /** The page generated from this table, relative to the project directory. */
  public static final String PAGE = "docs/codes.md";

  /**
   * How an example is fed to the validator.
   *
   * <p>{@code TEXT}: as a file. {@code WITH_METADATA}: with {@code --metadata} of a document that
   * has an instance id and a private IPv4 address only. {@code GZIP_CUT_SHORT}: gzip-compressed,
   * then cut to its first 24 bytes.
   */
  public enum Input {
    TEXT,
    WITH_METADATA,
    GZIP_CUT_SHORT
  }

  /**
   * The documentation of one code.
   *
   * @param code the code
   * @param meaning what the finding says about the input and what happens to it at run time
   * @param example user data that produces the finding
   * @param input how the example is fed to the validator
   * @param fix what to do about it
   */
  public record Doc(Code code, String meaning, String example, Input input, String fix) {
    public Doc {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(meaning, "meaning");
      Objects.requireNonNull(example, "example");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(fix, "fix");
    }
  }

  private static final Map<Code, Doc> DOCS = new EnumMap<>(Code.class);

  private CodeDocs() {}

  /** The documentation of a code. */
  public static Doc of(Code code) {
    Doc doc = DOCS.get(code);
    if (doc == null) {
      throw new IllegalStateException("code " + code.id() + " is not documented in CodeDocs");
    }
    return doc;
  }

  /** Whether a code is documented (a test requires every one to be). */
  public static boolean documents(Code code) {
    return DOCS.containsKey(code);
  }

  /** The address of a code's section of the documentation page. */
  public static String helpUri(Code code) {
    return HOME + "/blob/main/" + PAGE + "#" + code.id();
  }

  private static void doc(Code code, String meaning, String example, String fix) {
    doc(code, meaning, example, Input.TEXT, fix);
  }

  private static void doc(Code code, String meaning, String example, Input input, String fix) {
    if (DOCS.put(code, new Doc(code, meaning, example, input, fix)) != null) {
      throw new IllegalStateException("code documented twice: " + code.id());
    }
  }

  static {
    doc(
        Code.NOT_CLOUD_CONFIG,
        "The user data is none of the things Kindling applies: not cloud-config (first line exactly"
            + " `#cloud-config`), not a script (first line starting with `#!`), not multipart MIME,"
            + " gzip or an Ignition config. Like coreos-cloudinit, `run` applies none of it; the"
            + " metadata (hostname, SSH keys) is still applied.",
        """
        #Cloud-Config
        hostname: node1
        """,
        "Start cloud-config with the line `#cloud-config` exactly: lowercase, no leading space, no"
            + " byte-order mark, nothing after it. A script starts with `#!` and the path of its"
            + " interpreter.");
    doc(
        Code.YAML_SYNTAX,
        "The document is not valid YAML, so nothing of it can be applied. The position is where"
            + " the YAML reader gave up, which can be a little after the actual mistake.",
        """
        #cloud-config
        coreos:
          update:
            reboot_strategy: reboot
              group: stable
        """,
        "Look at the position and just before it: indent with spaces (never tabs) and keep"
            + " siblings at the same column, close every quote and bracket, and put a space after"
            + " each `:` that ends a key.");
    doc(
        Code.EXTRA_DOCUMENT,
        "The text holds more than one YAML document (separated by a `---` line). Only the first"
            + " one is read, as coreos-cloudinit did; the others are ignored.",
        """
        #cloud-config
        hostname: node1
        ---
        ssh_authorized_keys:
          - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbyGuZHDdTq1vKAVb+kupJzMZ20R7RZNGPH6D2KaI4e
        """,
        "Remove the `---` line and merge the documents into one. To send several configs, make"
            + " them parts of a multipart MIME message.");
    doc(
        Code.INCORRECT_TYPE,
        "A value has the wrong type for its key: a list where a string belongs, a single string"
            + " where a list belongs, a word where a number or a boolean belongs, a mapping where a"
            + " list of entries belongs. The value is not applied: the key behaves as if it were"
            + " not set.",
        """
        #cloud-config
        users:
          - name: alice
            groups: sudo
        """,
        "Write the value in the key's type; the hint shows how. Lists are `[a, b]` or one `- a`"
            + " line per element, booleans are `true` or `false`, numbers have no units.");
    doc(
        Code.UNKNOWN_KEY,
        "The key is not part of cloud-config where it stands, so it is ignored. Usually a typo"
            + " (the hint names the closest key), or a cloud-init key coreos-cloudinit never"
            + " implemented (the hint says what to use instead).",
        """
        #cloud-config
        hostnme: node1
        """,
        "Correct the spelling, or remove the key. In an editor with `kindling lsp`, the quick fix"
            + " replaces it with the suggested key.");
    doc(
        Code.MISPLACED_KEY,
        "A key cloud-config knows stands at the wrong level, e.g. `units` at the top level"
            + " instead of under `coreos`. It is ignored where it is.",
        """
        #cloud-config
        units:
          - name: hello.service
            command: start
        """,
        "Move the key, with everything below it, to the place the hint names. In an editor with"
            + " `kindling lsp`, the quick fix moves and re-indents it.");
    doc(
        Code.WRITE_FILES_UNDER_COREOS,
        "`write_files` is written under `coreos`, where coreos-cloudinit ignored it without a word;"
            + " the files are not written. (The same key also gets a `misplaced-key` warning.)",
        """
        #cloud-config
        coreos:
          write_files:
            - path: /etc/motd
              content: hello
        """,
        "Move `write_files` to the top level of the document, not indented.");
    doc(
        Code.DEPRECATED_KEY,
        "The key still works but is deprecated: `etcd`, `etcd2` and `fleet` are no longer shipped"
            + " in Container Linux, the users' remote key imports (`coreos_ssh_import_github`,"
            + " `coreos_ssh_import_github_users`, `coreos_ssh_import_url`) fail whenever the"
            + " network does at boot, and some etcd options only work for etcd2. The message gives"
            + " the reason.",
        """
        #cloud-config
        coreos:
          fleet:
            public_ip: 10.0.0.5
        """,
        "Move to what replaced it (for remote keys: the keys themselves in"
            + " `ssh_authorized_keys`), or remove the key. As long as it is there it is applied.");
    doc(
        Code.DASH_KEY,
        "The key is spelled with `-` where cloud-config has `_`, e.g. `reboot-strategy`."
            + " coreos-cloudinit read it as the `_` spelling and so does Kindling, but other tools"
            + " (Flatcar's coreos-cloudinit since 3975) ignore dashed keys.",
        """
        #cloud-config
        coreos:
          update:
            reboot-strategy: reboot
        """,
        "Spell the key with `_`. In an editor with `kindling lsp`, the quick fix does it.");
    doc(
        Code.DUPLICATE_KEY,
        "A mapping has the same key twice (also as `a-b` and `a_b`). For a single value the last"
            + " one wins; two lists are joined.",
        """
        #cloud-config
        hostname: node1
        hostname: node2
        """,
        "Keep one of them; the hint names the line of the first one.");
    doc(
        Code.INVALID_VALUE,
        "The value is not one the key accepts: not one of its values (`reboot_strategy`,"
            + " `command`, `encoding`, `manage_etc_hosts`, etcd2 `proxy`), or not of its form"
            + " (`permissions`, the locksmith reboot window, GitHub logins, `homedir`, key URLs)."
            + " `run` refuses the value: the setting, or the entry it is in, is not applied.",
        """
        #cloud-config
        coreos:
          update:
            reboot_strategy: sometimes
        """,
        "Use one of the values the hint lists or the form it shows. In an editor with `kindling"
            + " lsp`, completion offers the values and the quick fix replaces a near miss.");
    doc(
        Code.DISCOVERY_URL,
        "An etcd or etcd2 `discovery` value is not a URL etcd can use: not an absolute URL, or"
            + " one Go's URL parser rejects. coreos-cloudinit checked this for etcd only; etcd2"
            + " reads the same kind of URL.",
        """
        #cloud-config
        coreos:
          etcd2:
            discovery: discovery.etcd.io/abc
        """,
        "Use the whole URL the discovery service gave you, e.g."
            + " `https://discovery.etcd.io/<token>`.");
    doc(
        Code.CONTENT_DECODE,
        "A `write_files` entry's `content` does not decode with its `encoding` (bad base64, not"
            + " gzip, a truncated stream). The file is not written.",
        """
        #cloud-config
        write_files:
          - path: /etc/motd
            encoding: b64
            content: "not base64!!"
        """,
        "Encode the content as the `encoding` says (`base64 -w0 FILE`, `gzip -c FILE | base64"
            + " -w0`), or remove `encoding` and write the content as text.");
    doc(
        Code.READ_ONLY_PATH,
        "A `write_files` path is under `/usr`, which is mounted read-only on Container Linux: the"
            + " write fails at boot.",
        """
        #cloud-config
        write_files:
          - path: /usr/local/bin/hello
            permissions: "0755"
            content: |
              #!/bin/sh
              echo hello
        """,
        "Write programs to `/opt/bin` (it is on the PATH) and configuration under `/etc`, `/opt`"
            + " or `/var`.");
    doc(
        Code.RELATIVE_PATH,
        "A `write_files` path does not start with `/`. It is written relative to the root"
            + " directory, as the message shows, which is rarely what was meant.",
        """
        #cloud-config
        write_files:
          - path: etc/motd
            content: hello
        """,
        "Write the absolute path the hint shows.");
    doc(
        Code.DUPLICATE_PATH,
        "Two `write_files` entries write the same file (after `//`, `/./` and a trailing `/` are"
            + " cleaned up). The later one replaces the earlier one, unless it has `append: true`.",
        """
        #cloud-config
        write_files:
          - path: /etc/motd
            content: one
          - path: /etc/motd
            content: two
        """,
        "Merge the two entries, or set `append: true` on the later one to add to the file.");
    doc(
        Code.DECIMAL_PERMISSIONS,
        "`permissions` is valid octal but looks like the decimal form of a common mode: `420` is"
            + " 0644 written in decimal, and is read as octal 0420 (`r---w----`). YAML tools that"
            + " read an unquoted `0644` as a number and write it back produce such values.",
        """
        #cloud-config
        write_files:
          - path: /etc/motd
            permissions: 420
            content: hello
        """,
        "Write the mode in octal and in quotes, e.g. `permissions: \"0644\"`. In an editor with"
            + " `kindling lsp`, the quick fix does it.");
    doc(
        Code.OWNER,
        "A `write_files` `owner` is not a form `chown` accepts (`user`, `user:group`, numeric"
            + " `uid:gid`): white space, a second `:`, characters user names cannot have, an id out"
            + " of range. The file is written but its owner cannot be set.",
        """
        #cloud-config
        write_files:
          - path: /etc/app.conf
            owner: core core
            content: x=1
        """,
        "Write `user`, `user:group` or `uid:gid`, e.g. `owner: core:core`.");
    doc(
        Code.DUPLICATE_UNIT,
        "Two `coreos.units` entries have the same name. Both are applied in order, so the later"
            + " content replaces the earlier and commands run twice.",
        """
        #cloud-config
        coreos:
          units:
            - name: hello.service
              command: start
            - name: hello.service
              enable: true
        """,
        "Merge the entries into one.");
    doc(
        Code.UNIT_NAME,
        "A unit name or drop-in name is not one systemd uses: no type suffix or an unknown one"
            + " (`.servce`), a path instead of a file name, a drop-in that does not end in `.conf`"
            + " or is hidden. Such units or drop-ins are not written, or systemd ignores them.",
        """
        #cloud-config
        coreos:
          units:
            - name: hello
              command: start
        """,
        "Name the unit with its type, e.g. `hello.service`, and drop-ins `NN-name.conf`; the hint"
            + " suggests the name.");
    doc(
        Code.UNIT_SYNTAX,
        "A line of a unit's or drop-in's `content` is not what systemd reads: not `Key=Value`, a"
            + " setting before the first `[Section]`, a malformed section header. systemd ignores"
            + " such lines. The position is the offending line inside the block.",
        """
        #cloud-config
        coreos:
          units:
            - name: hello.service
              content: |
                [Service]
                ExecStart /usr/bin/echo hello
        """,
        "Write `Key=Value` lines under a `[Section]` header; start comments with `#`.");
    doc(
        Code.UNIT_SECTION,
        "A unit's `content` has a section its unit type does not have (`[Servce]`, `[Timer]` in a"
            + " `.service`); systemd ignores the whole section.",
        """
        #cloud-config
        coreos:
          units:
            - name: hello.service
              content: |
                [Servce]
                ExecStart=/usr/bin/echo hello
        """,
        "Use the section the hint suggests; name sections of your own `X-...`.");
    doc(
        Code.UNIT_IGNORED_SETTING,
        "A unit setting has no effect: content of a masked unit, `enable` together with `mask`,"
            + " `enable` or `command` on a network unit, a drop-in without content, or a unit with"
            + " nothing to do.",
        """
        #cloud-config
        coreos:
          units:
            - name: hello.service
        """,
        "Remove the setting, or add what should happen to the unit (`content`, `enable`,"
            + " `command`, `drop_ins`).");
    doc(
        Code.MISSING_NAME,
        "A unit, drop-in or user has no name. coreos-cloudinit skipped it at run time; so does"
            + " Kindling.",
        """
        #cloud-config
        users:
          - groups: [sudo]
        """,
        "Add the name: the unit's file name (`name: hello.service`), the drop-in's file name, or"
            + " the user's login name.");
    doc(
        Code.SSH_KEY,
        "An SSH public key is malformed: missing or unknown key type, truncated or not base64"
            + " data, data of another type than the one named, or a private key. sshd ignores"
            + " such lines, and logging in with that key fails. Messages show only the key type and"
            + " a few characters.",
        """
        #cloud-config
        ssh_authorized_keys:
          - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbyGuZHDdTq1vKA
        """,
        "Paste the whole line of the `.pub` file (`ssh-keygen -y -f KEY` prints it from the private"
            + " key).");
    doc(
        Code.HOSTNAME,
        "The `hostname` is not a valid host name: characters other than letters, digits, `-` and"
            + " `.`, an empty or overlong label, more than 64 characters in all.",
        """
        #cloud-config
        hostname: web_01
        """,
        "Use letters, digits and `-` in dot-separated labels of at most 63 characters, e.g."
            + " `web-01`.");
    doc(
        Code.CONTROL_CHARACTER,
        "A value that Kindling writes as one line of a file (`hostname` into `/etc/hostname` and"
            + " `/etc/hosts`, `coreos.update.group` and `server` into `/etc/coreos/update.conf`,"
            + " `coreos.oem.id` and `version_id` into `/etc/oem-release`) holds a line break or"
            + " another control character. Written as it is, it would add lines of its own to the"
            + " file (coreos-cloudinit did that), so the value is not applied.",
        """
        #cloud-config
        coreos:
          update:
            group: "stable\\nSERVER=https://updates.example.com/"
        """,
        "Write the value on one line. In a double-quoted YAML string `\\n` is a line break, and a"
            + " `|` or `>` block ends with one.");
    doc(
        Code.UNRESOLVED_VARIABLE,
        "A `$private_ipv4`-style variable has no value in the metadata given with `--metadata`, so"
            + " at run time it becomes an empty string (unless the matching `COREOS_...` variable"
            + " is set in the environment). Checked only with `--metadata`.",
        """
        #cloud-config
        coreos:
          flannel:
            public_ip: $public_ipv4
        """,
        Input.WITH_METADATA,
        "Make sure the platform provides the value (check with `kindling fetch`), use a variable"
            + " it has, or write `\\$public_ipv4` to keep the text as it is.");
    doc(
        Code.UNKNOWN_VARIABLE,
        "A `$word` is close to one of the variables substituted from metadata (`$public_ipv4`,"
            + " `$private_ipv4`, `$public_ipv6`, `$private_ipv6`) but is none of them, so it is"
            + " left in the text as it is, and the service gets `$privat_ipv4` literally.",
        """
        #cloud-config
        coreos:
          etcd2:
            advertise_client_urls: http://$privat_ipv4:2379
        """,
        "Correct the name (the hint says which variable is meant), or write `\\$` to keep a"
            + " literal dollar sign.");
    doc(
        Code.MULTIPART,
        "A multipart MIME message is malformed: no boundary, a part without its closing"
            + " delimiter, a bad transfer encoding, parts nested too deep. The parts that cannot be"
            + " read are not applied.",
        """
        Content-Type: multipart/mixed
        MIME-Version: 1.0

        --BOUNDARY
        Content-Type: text/cloud-config

        hostname: node1
        --BOUNDARY--
        """,
        "Declare the boundary in the top header (`Content-Type: multipart/mixed;"
            + " boundary=\"BOUNDARY\"`), open each part with `--BOUNDARY`, its headers and an empty"
            + " line, and end the message with `--BOUNDARY--`.");
    doc(
        Code.UNSUPPORTED_PART,
        "A MIME part is of a kind Kindling does not apply (`text/cloud-boothook`,"
            + " `text/part-handler`, `text/jinja2`, cloud-init archives, or content that is"
            + " neither cloud-config, a script, an include file nor Ignition); it is ignored.",
        """
        Content-Type: multipart/mixed; boundary="BOUNDARY"
        MIME-Version: 1.0

        --BOUNDARY
        Content-Type: text/cloud-boothook

        #!/bin/sh
        echo hello
        --BOUNDARY--
        """,
        "Send cloud-config as `text/cloud-config` parts and scripts as `text/x-shellscript`; the"
            + " hint says what replaces the ignored kind.");
    doc(
        Code.COMPRESSION,
        "The user data starts like gzip (bytes `1f 8b`) but does not decompress: it is truncated"
            + " or corrupt. Nothing of it is applied. (Decompressed data is also limited to 64"
            + " MiB.)",
        """
        #cloud-config
        hostname: node1
        """,
        Input.GZIP_CUT_SHORT,
        "Compress the whole file again (`gzip -c user-data > user-data.gz`) and check that the"
            + " platform's size limit did not cut it.");
    doc(
        Code.SCRIPT_INTERPRETER,
        "A script's first line is `#!` with nothing after it: the kernel cannot run it, so `run`"
            + " refuses it.",
        """
        #!
        echo hello
        """,
        "Name the interpreter, e.g. `#!/bin/bash`.");
    doc(
        Code.MISSING_PATH,
        "A `write_files` entry has no `path`, or the path is the root directory: there is no file"
            + " to write, and the entry is refused.",
        """
        #cloud-config
        write_files:
          - content: hello
        """,
        "Give the absolute path of the file, e.g. `path: /etc/motd`.");
    doc(
        Code.INVALID_PATH,
        "A `write_files` path holds a NUL byte (from an escape or a `!!binary` value), which no"
            + " file name can, or ends with `/`, in which case it is written as a file without"
            + " the `/`.",
        """
        #cloud-config
        write_files:
          - path: /etc/issue.d/
            content: hello
        """,
        "Write the path of a file: no trailing `/` (the directories above a file are created for"
            + " it), no NUL byte.");
    doc(
        Code.PATH_CONFLICT,
        "A `write_files` path is written as a file while another entry writes below it (so it"
            + " must be a directory), or it is a directory on every system (`/etc`, `/var/lib`)."
            + " One of the two writes fails.",
        """
        #cloud-config
        write_files:
          - path: /opt/app
            content: one
          - path: /opt/app/config
            content: two
        """,
        "Fix the path of one of the two entries.");
    doc(
        Code.SPECIAL_PERMISSIONS,
        "`permissions` set the setuid, setgid or sticky bit. Kindling keeps these bits;"
            + " coreos-cloudinit silently dropped them, so a config written for it may set them"
            + " without meaning to.",
        """
        #cloud-config
        write_files:
          - path: /opt/bin/tool
            permissions: "4755"
            content: |
              #!/bin/sh
        """,
        "Keep them if the file should have them; otherwise use the mode without the leading"
            + " digit, e.g. `\"0755\"`.");
    doc(
        Code.USER_NAME,
        "A user's `name`, or a group in its `primary_group` or `groups`, is one useradd refuses"
            + " (only digits, characters other than letters, digits, `_`, `.` and `-`, more than"
            + " 32 characters; a group may also be a numeric id): the user is not created and the"
            + " run fails.",
        """
        #cloud-config
        users:
          - name: Bob Smith
        """,
        "Use a login name such as `bob` or `bob.smith`; put the full name in `gecos`. Name"
            + " groups that exist on the machine, by name or numeric id.");
    doc(
        Code.DUPLICATE_USER,
        "Two `users` entries have the same name. The user exists when the second entry is"
            + " applied, so only its `passwd` and SSH keys are used.",
        """
        #cloud-config
        users:
          - name: alice
            groups: [sudo]
          - name: alice
            shell: /bin/bash
        """,
        "Merge the entries into one.");
    doc(
        Code.PASSWORD_HASH,
        "A user's `passwd` is not a crypt(3) hash, or a weak one (DES, MD5). It is written to"
            + " `/etc/shadow` as given, so a plain-text password never matches (and can be read"
            + " by anyone who sees the user data). The value is never shown.",
        """
        #cloud-config
        users:
          - name: alice
            passwd: hunter2
        """,
        "Put a hash there, made with `mkpasswd --method=SHA-512` (or yescrypt), or leave"
            + " `passwd` out and log in with SSH keys.");
    doc(
        Code.SHADOWED_HOSTNAME,
        "Two cloud-config parts of a multipart message set `hostname`; the first one wins and"
            + " the later one is ignored.",
        """
        Content-Type: multipart/mixed; boundary="BOUNDARY"
        MIME-Version: 1.0

        --BOUNDARY
        Content-Type: text/cloud-config

        hostname: node1
        --BOUNDARY
        Content-Type: text/cloud-config

        hostname: node2
        --BOUNDARY--
        """,
        "Set the hostname in one part only.");
    doc(
        Code.EXTENSION_KEY,
        "The key is one Kindling adds to cloud-config (`bootcmd`, `runcmd`,"
            + " `write_files[].append`, from cloud-init), or the user data is an `#include` file"
            + " or a `-per-instance`/`-per-once` script part. Kindling applies it; coreos-cloudinit"
            + " does not know it and ignores it, so a fleet that still runs coreos-cloudinit on"
            + " some machines gets a different result there.",
        """
        #cloud-config
        runcmd:
          - echo hello > /run/hello
        """,
        "Nothing, if every machine runs Kindling. Otherwise give the other machines the same"
            + " effect another way (a unit, or a script part of a multipart message).");
    doc(
        Code.INCLUDE,
        "A line of an `#include` file cannot be fetched: it is not an `http://` or `https://`"
            + " URL with a host, its pin is not `sha256=` and 64 hex digits, or something follows"
            + " the URL. `run` refuses the whole user data when one of its includes cannot be"
            + " fetched or its content does not match the pin, so nothing half-applied remains.",
        """
        #include
        https://config.example/base.yaml sha256=1234
        ftp://config.example/node.yaml
        """,
        "Write one absolute http:// or https:// URL per line, optionally followed by"
            + " `sha256=` and the digest `sha256sum FILE` prints.");
  }
}
