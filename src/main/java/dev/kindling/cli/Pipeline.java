package dev.kindling.cli;

import dev.kindling.config.Code;
import dev.kindling.config.Severity;
import dev.kindling.config.bind.BindResult;
import dev.kindling.config.bind.ConfigBinder;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.config.yaml.YamlProblem;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.Templater;
import dev.kindling.plan.Plan;
import dev.kindling.plan.PlanInput;
import dev.kindling.plan.PlanOptions;
import dev.kindling.plan.Planner;
import dev.kindling.userdata.UserData;
import dev.kindling.validate.Entry;
import dev.kindling.validate.FileReport;
import dev.kindling.validate.Validator;
import dev.kindling.value.Bytes;
import dev.kindling.value.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps {@code render} and {@code run} share between fetching and applying: classify the user
 * data (gzip and multipart included), template each cloud-config and script with the metadata,
 * parse and bind cloud-config, validate (findings are logged, without values), and plan.
 */
final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private Pipeline() {}

  /**
   * What the pipeline found and planned.
   *
   * @param datasource the datasource's type name
   * @param userData the classified user data
   * @param validation the validator's findings on the user data as delivered
   * @param unresolved template variables that had no value
   * @param inputProblems why (part of) the user data could not be used; only metadata was planned
   *     for it (upstream's soft failure, exit 1 unless --ignore-failure)
   * @param ignition whether the user data is an Ignition config (nothing is done)
   * @param plan the plan
   */
  record Prepared(
      String datasource,
      UserData userData,
      FileReport validation,
      List<Templater.Unresolved> unresolved,
      List<String> inputProblems,
      boolean ignition,
      Plan plan) {
    Prepared {
      Objects.requireNonNull(datasource, "datasource");
      unresolved = List.copyOf(unresolved);
      inputProblems = List.copyOf(inputProblems);
    }
  }

  /** Runs the steps on what a datasource delivered. */
  static Prepared prepare(
      String datasource, byte[] raw, Metadata metadata, Map<String, String> env, PlanOptions opts) {
    UserData userData = UserData.classify(raw);
    // Validated with the values templating will use (metadata, else COREOS_* variables), so
    // the findings agree with the run. Unresolved variables are logged by templating below.
    FileReport validation =
        Validator.validate("user-data", raw, Optional.of(withEnvironment(metadata, env)));
    for (Entry e : validation.entries()) {
      if (e.finding().code() != Code.UNRESOLVED_VARIABLE) {
        log(e);
      }
    }
    List<String> problems = new ArrayList<>();
    userData.problem().ifPresent(problems::add);
    List<Templater.Unresolved> unresolved = new ArrayList<>();
    List<PlanInput.Part> parts = new ArrayList<>();
    if (userData.kind() == UserData.Kind.IGNITION) {
      LOG.info("user data is an Ignition config; nothing to do");
      return new Prepared(
          datasource, userData, validation, unresolved, problems, true, new Plan(List.of()));
    }
    if (userData.kind() == UserData.Kind.MULTIPART) {
      for (UserData.Part part : userData.parts()) {
        addPart(part.label(), part.content(), metadata, env, parts, problems, unresolved);
      }
    } else {
      addPart("user-data", userData, metadata, env, parts, problems, unresolved);
    }
    if (!metadata.isEmpty() || !parts.isEmpty()) {
      LOG.info("Merging cloud-config from meta-data and user-data");
    }
    Plan plan = Planner.plan(new PlanInput(parts, metadata, opts));
    return new Prepared(datasource, userData, validation, unresolved, problems, false, plan);
  }

  /** The metadata with each missing address taken from its COREOS_* environment variable. */
  static Metadata withEnvironment(Metadata m, Map<String, String> env) {
    return new Metadata(
        m.instanceId(),
        m.hostname(),
        Templater.value("public_ipv4", m, env),
        Templater.value("private_ipv4", m, env),
        Templater.value("public_ipv6", m, env),
        Templater.value("private_ipv6", m, env),
        m.sshPublicKeys(),
        m.networkConfig());
  }

  private static void addPart(
      String label,
      UserData data,
      Metadata metadata,
      Map<String, String> env,
      List<PlanInput.Part> parts,
      List<String> problems,
      List<Templater.Unresolved> unresolved) {
    switch (data.kind()) {
      case EMPTY -> LOG.info("{} is empty; applying metadata only", label);
      case IGNITION -> LOG.info("{} is an Ignition config; ignored", label);
      case SCRIPT -> {
        LOG.info("Parsing user-data as script");
        // ISO-8859-1 maps bytes to chars one to one, so a script's bytes survive templating.
        String text = new String(data.bytes(), StandardCharsets.ISO_8859_1);
        Templater.Result t = substitute(label, text, metadata, env, unresolved);
        parts.add(
            new PlanInput.ScriptPart(
                label, Bytes.of(t.text().getBytes(StandardCharsets.ISO_8859_1))));
      }
      case CLOUD_CONFIG -> {
        LOG.info("Parsing user-data as cloud-config");
        Templater.Result t = substitute(label, data.text(), metadata, env, unresolved);
        YamlDocument document = YamlParser.parse(t.text());
        if (!document.problems().isEmpty()) {
          YamlProblem p = document.problems().get(0);
          problems.add(
              label
                  + " is not valid YAML (line "
                  + p.position().line()
                  + ", column "
                  + p.position().column()
                  + ": "
                  + p.message()
                  + "); only metadata is applied");
          return;
        }
        BindResult bound = ConfigBinder.bind(document);
        parts.add(new PlanInput.ConfigPart(label, bound.config()));
      }
      case MULTIPART -> problems.add(label + " is a nested multipart message; not applied");
      case UNKNOWN ->
          problems.add(
              label
                  + " is neither cloud-config nor a script"
                  + data.problem().map(p -> " (" + p + ")").orElse("")
                  + "; only metadata is applied");
    }
  }

  private static Templater.Result substitute(
      String label,
      String text,
      Metadata metadata,
      Map<String, String> env,
      List<Templater.Unresolved> unresolved) {
    Templater.Result t = Templater.substitute(text, metadata, env);
    for (Templater.Unresolved u : t.unresolved()) {
      LOG.warn(
          "{} line {}: ${} has no value in the metadata nor in COREOS_{}; substituted by \"\"",
          label,
          u.line(),
          u.variable(),
          u.variable().toUpperCase(java.util.Locale.ROOT));
    }
    unresolved.addAll(t.unresolved());
    return t;
  }

  private static void log(Entry e) {
    String line =
        "line "
            + e.finding().position().map(p -> p.line() + ":" + p.column()).orElse("0")
            + ": "
            + e.finding().severity().label()
            + ": "
            + Redaction.message(e.finding().message(), e.finding().path().segments())
            + " ["
            + e.finding().code().id()
            + "]";
    if (e.finding().severity() == Severity.ERROR) {
      LOG.error("{}", line);
    } else if (e.finding().severity() == Severity.WARNING) {
      LOG.warn("{}", line);
    } else {
      LOG.info("{}", line);
    }
  }
}
