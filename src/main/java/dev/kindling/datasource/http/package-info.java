/**
 * The one HTTP client for metadata services (OkHttp); the only package that imports OkHttp.
 *
 * <p>May use: trace, value; libraries: OkHttp, slf4j.
 */
package dev.kindling.datasource.http;
