/**
 * The EC2 instance metadata service (IMDSv2 with IMDSv1 fallback).
 *
 * <p>May use: datasource, datasource.http, metadata, value; libraries: slf4j.
 */
package dev.kindling.datasource.ec2;
