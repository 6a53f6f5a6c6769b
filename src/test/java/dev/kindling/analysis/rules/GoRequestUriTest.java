package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoRequestUriTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://discovery.etcd.io/3e86b59982e49066c5d813af1c2e2579",
        "http://10.0.0.1:2379/v2/keys/x",
        "http://[fd00::1]:2379/token",
        "http://user:pass@host/x",
        "/token",
        "/",
        "*",
        "mailto:x@example.com",
        "localhost:2379/token",
        "http://",
        "http://host/a%20b?x=%zz"
      })
  void problem_acceptedByGo_isEmpty(String url) {
    assertThat(GoRequestUri.problem(url)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "foo",
        "not a url",
        "discovery.etcd.io/abc",
        "10.0.0.1:2379",
        ":foo",
        "http://host:port/x",
        "http://[fd00::1/x",
        "http://ho st/x",
        "http://host/%zz",
        "http://us^er@host/x",
        "http://host/x\n"
      })
  void problem_rejectedByGo_isExplained(String url) {
    assertThat(GoRequestUri.problem(url)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo"})
  void problem_relativeReference_saysWhatIsAccepted(String url) {
    assertThat(GoRequestUri.problem(url))
        .contains("it is neither an absolute URL (scheme://host/path) nor an absolute path");
  }
}
