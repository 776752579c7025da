package org.pcosync.api;

/**
 * How host names map to PCO's {@code given_name}, {@code first_name} and {@code nickname}.
 * PCO's {@code first_name} is the name people go by.
 */
public enum NameMapping {
  /** Legal first name → {@code given_name}; nickname → {@code first_name}. Rock's default. */
  LEGAL_TO_GIVEN_NICK_TO_FIRST,
  /** First name → {@code first_name}; nickname → {@code nickname}. */
  FIRST_TO_FIRST_NICK_TO_NICKNAME
}
