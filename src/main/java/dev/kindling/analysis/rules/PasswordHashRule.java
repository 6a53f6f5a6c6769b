package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.User;
import dev.kindling.config.yaml.ConfigPath;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code users[].passwd} is stored in {@code /etc/shadow} as given, so it must be a crypt(3) hash
 * ({@code $6$salt$hash}, ...) or a locked form ({@code *}, {@code !}); a plain-text password would
 * never match and would sit in the shadow file. Messages never contain the value.
 */
final class PasswordHashRule implements Rule {
  private static final String SALT = "[./0-9A-Za-z]{1,16}";
  private static final String ROUNDS = "(rounds=[0-9]+\\$)?";

  private static final Pattern SHA512 =
      Pattern.compile("\\$6\\$" + ROUNDS + SALT + "\\$[./0-9A-Za-z]{86}");
  private static final Pattern SHA256 =
      Pattern.compile("\\$5\\$" + ROUNDS + SALT + "\\$[./0-9A-Za-z]{43}");
  private static final Pattern MD5 =
      Pattern.compile("\\$1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}");
  private static final Pattern BCRYPT =
      Pattern.compile("\\$2[abxy]?\\$[0-9]{2}\\$[./0-9A-Za-z]{53}");
  private static final Pattern OTHER_MODULAR =
      Pattern.compile("\\$(y|gy|7|sha1|md5|argon2i|argon2id)\\$[./0-9A-Za-z$=,+-]+");
  private static final Pattern DES = Pattern.compile("[./0-9A-Za-z]{13}");

  private static final String MKPASSWD = "create a hash with: mkpasswd --method=SHA-512";

  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<User> users = context.config().users();
    for (int i = 0; i < users.size(); i++) {
      String passwd = users.get(i).passwd();
      if (passwd.isEmpty()) {
        continue;
      }
      ConfigPath path = ConfigPath.of("users", i, "passwd");
      Optional<Kind> kind = classify(passwd);
      if (kind.isEmpty()) {
        out.accept(
            Finding.warning(Code.PASSWORD_HASH, path, "passwd is not a crypt(3) password hash")
                .withHint(
                    "passwd is written to /etc/shadow as given, so a plain-text password never"
                        + " matches (and is readable in the user data); "
                        + MKPASSWD));
      } else if (kind.get() == Kind.WEAK) {
        out.accept(
            Finding.warning(Code.PASSWORD_HASH, path, "passwd uses a weak hash (DES or MD5 crypt)")
                .withHint("such hashes are cracked quickly; " + MKPASSWD));
      }
    }
  }

  /** What a passwd value is. */
  enum Kind {
    STRONG,
    WEAK,
    LOCKED
  }

  /** The kind of hash, or empty when the value is not a crypt(3) hash at all. */
  static Optional<Kind> classify(String passwd) {
    if (passwd.equals("*") || passwd.equals("!") || passwd.equals("!!") || passwd.equals("*LK*")) {
      return Optional.of(Kind.LOCKED);
    }
    if (passwd.startsWith("!")) {
      return classify(passwd.substring(1)).map(k -> Kind.LOCKED);
    }
    if (SHA512.matcher(passwd).matches()
        || SHA256.matcher(passwd).matches()
        || BCRYPT.matcher(passwd).matches()
        || OTHER_MODULAR.matcher(passwd).matches()) {
      return Optional.of(Kind.STRONG);
    }
    if (MD5.matcher(passwd).matches() || DES.matcher(passwd).matches()) {
      return Optional.of(Kind.WEAK);
    }
    return Optional.empty();
  }
}
