package dev.kindling.config.yaml;

import dev.kindling.trace.StartupTrace;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML 1.1 with SnakeYAML's composer into a {@link YamlDocument}, keeping every node's
 * position and every scalar's raw text. Never throws on bad input: every parser failure becomes a
 * {@link YamlProblem} with its line and column.
 */
public final class YamlParser {
  /** Most nested collections allowed. */
  public static final int MAX_DEPTH = 64;

  /** Most aliases to collections allowed (billion-laughs guard). */
  public static final int MAX_ALIASES = 50;

  /** Most code points in a document. */
  public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

  /** Most nodes a document may expand to once aliases are followed. */
  public static final int MAX_EXPANDED_NODES = 200_000;

  /**
   * Most characters of scalar text aliases may add to a document: aliases can at most double the
   * largest document, so the whole expanded config stays below twice {@link #MAX_CODE_POINTS}.
   */
  public static final long MAX_ALIAS_CHARS = MAX_CODE_POINTS;

  /** Plain scalars get this tag from our resolver, so explicit tags can be told apart. */
  private static final Tag PLAIN = new Tag("tag:kindling.dev,2026:plain");

  private YamlParser() {}

  /** Parses UTF-8 bytes; invalid UTF-8 is a problem at the first bad byte. */
  public static YamlDocument parse(byte[] utf8) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      return YamlDocument.failed(
          new YamlProblem(positionAfter(out), "invalid UTF-8 byte sequence"));
    }
    decoder.flush(out);
    out.flip();
    return parse(out.toString());
  }

  /** Decodes strict UTF-8, or throws if the bytes are not UTF-8. */
  public static String decodeUtf8(byte[] utf8) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(utf8))
        .toString();
  }

  private static Position positionAfter(CharSequence text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(text.charAt(i))) {
        column++;
      }
    }
    return new Position(line, column);
  }

  /** Parses the first document of a YAML text. */
  public static YamlDocument parse(String text) {
    long start = StartupTrace.start();
    try {
      return compose(text);
    } finally {
      StartupTrace.end("yaml: parse", start);
    }
  }

  private static YamlDocument compose(String text) {
    if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      return YamlDocument.failed(
          new YamlProblem(
              Position.START, "document exceeds the limit of " + MAX_CODE_POINTS + " characters"));
    }
    LoaderOptions options = new LoaderOptions();
    // BoundedEvents enforces these first, where it can tell the position; SnakeYAML's own checks
    // stay as a backstop.
    options.setMaxAliasesForCollections(MAX_ALIASES + 1);
    options.setNestingDepthLimit(MAX_DEPTH + 2);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(true);
    options.setProcessComments(false);
    Composer composer =
        new Composer(
            new BoundedEvents(new ParserImpl(new WholeTextReader(text), options)),
            new PlainMarkingResolver(),
            options);
    Node first;
    try {
      first = composer.checkNode() ? composer.getNode() : null;
    } catch (YamlLimitException e) {
      return YamlDocument.failed(new YamlProblem(e.position(), e.getMessage()));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
      return YamlDocument.failed(new YamlProblem(toPosition(mark), clean(message)));
    } catch (RuntimeException | StackOverflowError e) {
      return YamlDocument.failed(new YamlProblem(Position.START, describe(e)));
    }
    if (first == null) {
      return new YamlDocument(Optional.empty(), List.of(), List.of());
    }
    Converter converter = new Converter();
    YamlNode root = converter.convert(first, 0);
    if (!converter.problems.isEmpty()) {
      return new YamlDocument(Optional.empty(), converter.problems, List.of());
    }
    return new YamlDocument(Optional.of(root), List.of(), countFollowingDocuments(composer));
  }

  private static List<Position> countFollowingDocuments(Composer composer) {
    List<Position> starts = new ArrayList<>();
    try {
      while (composer.checkNode()) {
        starts.add(toPosition(composer.getNode().getStartMark()));
      }
    } catch (RuntimeException | StackOverflowError e) {
      // Like go-yaml, only the first document matters; a broken later one is just ignored.
      if (e instanceof YamlLimitException limit) {
        starts.add(limit.position());
      } else {
        starts.add(toPosition(e instanceof MarkedYAMLException m ? m.getProblemMark() : null));
      }
    }
    return starts;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    if (e instanceof StackOverflowError) {
      return "document is nested too deeply";
    }
    return message == null || message.isBlank()
        ? "invalid YAML (" + e.getClass().getSimpleName() + ")"
        : clean(message);
  }

  private static String clean(String message) {
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl).strip() : m;
  }

  static Position toPosition(Mark mark) {
    return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Resolver that leaves plain scalars unresolved: we resolve them with go-yaml's rules. */
  private static final class PlainMarkingResolver extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind == NodeId.scalar) {
        return implicit ? PLAIN : Tag.STR;
      }
      return kind == NodeId.sequence ? Tag.SEQ : Tag.MAP;
    }
  }

  /** Converts SnakeYAML nodes, sharing aliased nodes (BoundedEvents bounded their expansion). */
  private static final class Converter {
    private final IdentityHashMap<Node, YamlNode> done = new IdentityHashMap<>();
    private final Set<Node> inProgress =
        java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<YamlProblem> problems = new ArrayList<>();

    YamlNode convert(Node node, int depth) {
      YamlNode known = done.get(node);
      if (known != null) {
        return known;
      }
      Position position = toPosition(node.getStartMark());
      if (depth > MAX_DEPTH) {
        problems.add(
            new YamlProblem(
                position, "aliases nest collections more than " + MAX_DEPTH + " levels deep"));
        return YamlScalar.plain("", position);
      }
      if (!inProgress.add(node)) {
        problems.add(new YamlProblem(position, "an alias refers to a node that contains it"));
        return YamlScalar.plain("", position);
      }
      YamlNode result;
      if (node instanceof ScalarNode scalar) {
        result = scalar(scalar, position);
      } else if (node instanceof SequenceNode sequence) {
        List<YamlNode> items = new ArrayList<>(sequence.getValue().size());
        for (Node item : sequence.getValue()) {
          items.add(convert(item, depth + 1));
        }
        result = new YamlSequence(items, position);
      } else {
        MappingNode mapping = (MappingNode) node;
        List<YamlMapping.Entry> explicit = new ArrayList<>();
        List<YamlMapping.Entry> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
          YamlNode key = convert(tuple.getKeyNode(), depth + 1);
          YamlNode value = convert(tuple.getValueNode(), depth + 1);
          if (isMergeKey(key)) {
            merge(value, merged, position);
          } else {
            explicit.add(new YamlMapping.Entry(key, value, false));
          }
        }
        result = new YamlMapping(withMerged(explicit, merged), position);
      }
      inProgress.remove(node);
      done.put(node, result);
      return result;
    }

    private static boolean isMergeKey(YamlNode key) {
      return key instanceof YamlScalar s
          && s.text().equals("<<")
          && (s.tag() == null || s.tag().equals(Tag.MERGE.getValue()))
          && s.style() == YamlScalar.Style.PLAIN;
    }

    private void merge(YamlNode value, List<YamlMapping.Entry> into, Position at) {
      if (value instanceof YamlMapping m) {
        for (YamlMapping.Entry e : m.entries()) {
          into.add(new YamlMapping.Entry(e.key(), e.value(), true));
        }
      } else if (value instanceof YamlSequence seq
          && seq.items().stream().allMatch(YamlMapping.class::isInstance)) {
        for (YamlNode item : seq.items()) {
          merge(item, into, at);
        }
      } else {
        problems.add(
            new YamlProblem(
                value.position(), "map merge requires a mapping or a list of mappings as value"));
      }
    }

    /** Explicit keys win over merged ones, as the YAML merge-key spec says. */
    private static List<YamlMapping.Entry> withMerged(
        List<YamlMapping.Entry> explicit, List<YamlMapping.Entry> merged) {
      if (merged.isEmpty()) {
        return explicit;
      }
      Set<String> keys = new java.util.HashSet<>();
      for (YamlMapping.Entry e : explicit) {
        if (e.key() instanceof YamlScalar s) {
          keys.add(s.text());
        }
      }
      List<YamlMapping.Entry> all = new ArrayList<>(explicit);
      for (YamlMapping.Entry e : merged) {
        if (e.key() instanceof YamlScalar s && keys.add(s.text())) {
          all.add(e);
        }
      }
      return all;
    }

    private static YamlScalar scalar(ScalarNode node, Position position) {
      String tag = node.getTag().getValue();
      String explicitTag =
          PLAIN.getValue().equals(tag) || Tag.STR.getValue().equals(tag) ? null : tag;
      YamlScalar.Style style = style(node.getScalarStyle());
      if (Tag.STR.getValue().equals(tag) && style == YamlScalar.Style.PLAIN) {
        // A plain scalar with an explicit !!str tag.
        explicitTag = tag;
      }
      return new YamlScalar(
          node.getValue(), style, explicitTag, position, toPosition(node.getEndMark()));
    }

    private static YamlScalar.Style style(DumperOptions.ScalarStyle style) {
      return switch (style) {
        case SINGLE_QUOTED -> YamlScalar.Style.SINGLE_QUOTED;
        case DOUBLE_QUOTED -> YamlScalar.Style.DOUBLE_QUOTED;
        case LITERAL -> YamlScalar.Style.LITERAL;
        case FOLDED -> YamlScalar.Style.FOLDED;
        default -> YamlScalar.Style.PLAIN;
      };
    }
  }
}
