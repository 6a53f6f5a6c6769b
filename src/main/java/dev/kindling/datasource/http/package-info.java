/**
 * The one HTTP client for metadata services (OkHttp); the only package that imports OkHttp.
 *
 * <p>May depend on: the JDK and OkHttp. Must not depend on: every other dev.kindling package.
 */
package dev.kindling.datasource.http;
