package dev.kindling.analysis;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.userdata.IncludeList;
import dev.kindling.userdata.UserData;
import java.util.ArrayList;
import java.util.List;

/**
 * What validate says about an include file, without fetching: an info that it is a Kindling
 * extension, and an error per line that {@code run} could not fetch (not an http/https URL, a
 * malformed pin, too many URLs). The nesting depth is checked when the URLs are fetched.
 */
final class IncludeFindings {
  private IncludeFindings() {}

  static List<Finding> of(UserData content) {
    List<Finding> findings = new ArrayList<>();
    findings.add(
        Finding.info(
                Code.EXTENSION_KEY,
                ConfigPath.root(),
                "#include is a Kindling extension: coreos-cloudinit ignores this user data")
            .withHint(
                "run fetches each URL (at most "
                    + IncludeList.MAX_DEPTH
                    + " levels of includes) and applies what they hold, in order")
            .at(Position.START));
    for (IncludeList.Problem p : IncludeList.parse(content.text()).problems()) {
      findings.add(
          Finding.error(Code.INCLUDE, ConfigPath.root(), p.message())
              .withHint(p.hint())
              .at(new Position(p.line(), p.column())));
    }
    return findings;
  }
}
