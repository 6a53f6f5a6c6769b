package dev.kindling.config.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * The parser's event stream with the reader's limits enforced as the events arrive, so that a
 * document that breaks one is reported at the node that breaks it: collections nested too deeply,
 * too many aliases to collections, and aliases that would expand the document too much.
 *
 * <p>The expansion of a document is what a consumer sees when it follows every alias: each alias
 * counts the nodes and the scalar characters of the node it names, including aliases inside that
 * node. Nodes are shared in the tree, but the binder, the planner and the writer copy values per
 * use, so one anchored 4 MB string aliased 1,000 times would become 4 GB downstream.
 */
final class BoundedEvents implements Parser {
  /** The size of a node with every alias inside it followed. */
  private record Size(long nodes, long chars, boolean collection) {}

  /** A collection that has started and not ended yet. */
  private static final class Open {
    private final String anchor;
    private long nodes = 1;
    private long chars;

    Open(String anchor) {
      this.anchor = anchor;
    }
  }

  private final Parser delegate;
  private final Map<String, Size> anchors = new HashMap<>();
  private final Deque<Open> open = new ArrayDeque<>();
  private Event accounted;
  private long nodes;
  private long aliasChars;
  private int collectionAliases;

  BoundedEvents(Parser delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    Event next = peekEvent();
    return next != null && next.is(choice);
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // the same event object, not an equal one, was counted
  public Event peekEvent() {
    Event next = delegate.peekEvent();
    if (next != null && next != accounted) {
      accounted = next;
      account(next);
    }
    return next;
  }

  @Override
  public Event getEvent() {
    peekEvent();
    return delegate.getEvent();
  }

  private void account(Event e) {
    if (e instanceof DocumentStartEvent) {
      anchors.clear();
      open.clear();
      nodes = 0;
      aliasChars = 0;
      collectionAliases = 0;
    } else if (e instanceof ScalarEvent s) {
      checkDepth(open.size() + 1, s);
      add(1, s.getValue().length(), s);
      if (s.getAnchor() != null) {
        anchors.put(s.getAnchor(), new Size(1, s.getValue().length(), false));
      }
    } else if (e instanceof CollectionStartEvent c) {
      checkDepth(open.size() + 1, c);
      count(1, c);
      open.push(new Open(c.getAnchor())); // its own node is in its size already
    } else if (e instanceof CollectionEndEvent && !open.isEmpty()) {
      Open done = open.pop();
      if (done.anchor != null) {
        anchors.put(done.anchor, new Size(done.nodes, done.chars, true));
      }
      if (!open.isEmpty()) {
        open.peek().nodes += done.nodes;
        open.peek().chars += done.chars;
      }
    } else if (e instanceof AliasEvent a) {
      alias(a);
    }
  }

  private void alias(AliasEvent a) {
    Size size = anchors.get(a.getAnchor());
    if (size == null) {
      return; // undefined, or an alias inside its own anchor: the composer reports both
    }
    if (size.collection() && ++collectionAliases > YamlParser.MAX_ALIASES) {
      throw new YamlLimitException(
          position(a),
          "more than "
              + YamlParser.MAX_ALIASES
              + " aliases to collections (a guard against exponential expansion); repeat the"
              + " content instead");
    }
    aliasChars += size.chars();
    if (aliasChars > YamlParser.MAX_ALIAS_CHARS) {
      throw new YamlLimitException(
          position(a),
          "aliases expand the document by more than "
              + YamlParser.MAX_ALIAS_CHARS
              + " characters; write large content once");
    }
    add(size.nodes(), size.chars(), a);
  }

  /** Adds a node's size to the document and to the collection that holds it. */
  private void add(long addedNodes, long addedChars, NodeEvent at) {
    count(addedNodes, at);
    if (!open.isEmpty()) {
      open.peek().nodes += addedNodes;
      open.peek().chars += addedChars;
    }
  }

  private void count(long addedNodes, NodeEvent at) {
    nodes += addedNodes;
    if (nodes > YamlParser.MAX_EXPANDED_NODES) {
      throw new YamlLimitException(
          position(at),
          "the document expands to more than "
              + YamlParser.MAX_EXPANDED_NODES
              + " nodes through aliases; refusing to read it");
    }
  }

  private static void checkDepth(int depth, NodeEvent at) {
    if (depth > YamlParser.MAX_DEPTH) {
      throw new YamlLimitException(
          position(at), "collections are nested more than " + YamlParser.MAX_DEPTH + " levels");
    }
  }

  private static Position position(Event e) {
    return YamlParser.toPosition(e.getStartMark());
  }
}
