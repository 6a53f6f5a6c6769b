/**
 * The analysis of user data, once per part: classify, template with the metadata, parse, bind and
 * check every rule. Its value ({@link dev.kindling.analysis.Analysis}) is what {@code validate}
 * reports and what {@code render} and {@code run} plan from, so both see the same config and the
 * same findings; findings point into the text the user wrote.
 *
 * <p>May use: analysis.rules, config, config.yaml, config.bind, userdata, metadata, value.
 */
package dev.kindling.analysis;
