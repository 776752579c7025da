package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One PCO organisation the host syncs with, and every option of its sync. A host may have any
 * number of accounts; each runs independently and keeps its state under {@link #id()}.
 *
 * <pre>{@code
 * PcoAccount account = PcoAccount.builder("first-church")
 *     .name("First Church")
 *     .credentials(PcoCredentials.personalAccessToken(appId, secret))
 *     .allowPermissionDowngrade(true)
 *     .build();
 * }</pre>
 *
 * <p>Credentials are never part of {@link #toString()}, {@link #equals} or {@link #hashCode()}.
 * Immutable and thread-safe.
 */
public final class PcoAccount {
  /** PCO's production API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.planningcenteronline.com");

  private final String id;
  private final String name;
  private final PcoCredentials credentials;
  private final URI baseUrl;
  private final ApiVersions apiVersions;
  private final boolean allowPermissionDowngrade;
  private final String welcomeEmailTemplateId;
  private final RunMode runMode;
  private final SyncProfile profile;
  private final NameMapping nameMapping;
  private final int stoppagePercentage;
  private final int stoppageMinimumPeople;
  private final int archiveDeleteCap;
  private final boolean editContactFieldsOfLoginUsers;
  private final Duration updatesOnlySafetyMargin;
  private final String defaultConnectionStatus;
  private final Map<PermissionLevel, String> importGroupIds;

  private PcoAccount(Builder b) {
    this.id = b.id;
    this.name = b.name == null ? b.id : b.name;
    this.credentials = requireNonNull(b.credentials, "credentials == null");
    this.baseUrl = b.baseUrl;
    this.apiVersions = b.apiVersions;
    this.allowPermissionDowngrade = b.allowPermissionDowngrade;
    this.welcomeEmailTemplateId = b.welcomeEmailTemplateId;
    this.runMode = b.runMode;
    this.profile = b.profile;
    this.nameMapping = b.nameMapping;
    this.stoppagePercentage = b.stoppagePercentage;
    this.stoppageMinimumPeople = b.stoppageMinimumPeople;
    this.archiveDeleteCap = b.archiveDeleteCap;
    this.editContactFieldsOfLoginUsers = b.editContactFieldsOfLoginUsers;
    this.updatesOnlySafetyMargin = b.updatesOnlySafetyMargin;
    this.defaultConnectionStatus = b.defaultConnectionStatus;
    this.importGroupIds = Map.copyOf(b.importGroupIds);
  }

  /**
   * Returns a builder for an account.
   *
   * @param id the key the account's state is stored under; stable, non-blank
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Returns a builder holding this account's options. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.name = name;
    b.credentials = credentials;
    b.baseUrl = baseUrl;
    b.apiVersions = apiVersions;
    b.allowPermissionDowngrade = allowPermissionDowngrade;
    b.welcomeEmailTemplateId = welcomeEmailTemplateId;
    b.runMode = runMode;
    b.profile = profile;
    b.nameMapping = nameMapping;
    b.stoppagePercentage = stoppagePercentage;
    b.stoppageMinimumPeople = stoppageMinimumPeople;
    b.archiveDeleteCap = archiveDeleteCap;
    b.editContactFieldsOfLoginUsers = editContactFieldsOfLoginUsers;
    b.updatesOnlySafetyMargin = updatesOnlySafetyMargin;
    b.defaultConnectionStatus = defaultConnectionStatus;
    b.importGroupIds.putAll(importGroupIds);
    return b;
  }

  /** Returns the key the account's state is stored under. */
  public String id() {
    return id;
  }

  /** Returns the display name. */
  public String name() {
    return name;
  }

  /** Returns the credentials. Never log them. */
  public PcoCredentials credentials() {
    return credentials;
  }

  /** Returns the API base URL; {@link #DEFAULT_BASE_URL} unless a test or proxy overrides it. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Returns the pinned API versions. */
  public ApiVersions apiVersions() {
    return apiVersions;
  }

  /**
   * Returns whether the sync may lower a Services permission level and archive people who left the
   * sync set. Off by default: then levels are only raised.
   */
  public boolean allowPermissionDowngrade() {
    return allowPermissionDowngrade;
  }

  /** Returns the Services email template sent to people added to Services; nullable = none sent. */
  public String welcomeEmailTemplateId() {
    return welcomeEmailTemplateId;
  }

  /** Returns what a scheduled run reads. */
  public RunMode runMode() {
    return runMode;
  }

  /** Returns the field rules and profile options. */
  public SyncProfile profile() {
    return profile;
  }

  /** Returns how host names map to PCO's name attributes. */
  public NameMapping nameMapping() {
    return nameMapping;
  }

  /**
   * Returns the mass-change guard: a plan that would overwrite, clear, lower, archive or delete
   * more than this percentage of the already linked people is held for review. 100 disables it.
   */
  public int stoppagePercentage() {
    return stoppagePercentage;
  }

  /**
   * Returns how many linked people a plan may change before the percentage applies at all: a plan
   * is held for its share only when it also changes more than this many people, so one edit in a
   * small account (1 of 8 is 12 %) is not held. 3 by default; 0 applies the percentage alone.
   */
  public int stoppageMinimumPeople() {
    return stoppageMinimumPeople;
  }

  /** Returns the most archives and deletes one run may make before it is held for review. */
  public int archiveDeleteCap() {
    return archiveDeleteCap;
  }

  /**
   * Returns whether contact fields (email, phones, address) of PCO people who can log in may be
   * edited. PCO notifies such people of changes; on by default.
   */
  public boolean editContactFieldsOfLoginUsers() {
    return editContactFieldsOfLoginUsers;
  }

  /** Returns how far before the saved cursor an updates-only run starts reading. */
  public Duration updatesOnlySafetyMargin() {
    return updatesOnlySafetyMargin;
  }

  /** Returns the host connection status given to people imported from PCO; nullable. */
  public String defaultConnectionStatus() {
    return defaultConnectionStatus;
  }

  /** Returns, per PCO permission level, the host group people imported at that level join. */
  public Map<PermissionLevel, String> importGroupIds() {
    return importGroupIds;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PcoAccount)) {
      return false;
    }
    PcoAccount a = (PcoAccount) o;
    return id.equals(a.id)
        && name.equals(a.name)
        && baseUrl.equals(a.baseUrl)
        && apiVersions.equals(a.apiVersions)
        && allowPermissionDowngrade == a.allowPermissionDowngrade
        && Objects.equals(welcomeEmailTemplateId, a.welcomeEmailTemplateId)
        && runMode == a.runMode
        && profile.equals(a.profile)
        && nameMapping == a.nameMapping
        && stoppagePercentage == a.stoppagePercentage
        && stoppageMinimumPeople == a.stoppageMinimumPeople
        && archiveDeleteCap == a.archiveDeleteCap
        && editContactFieldsOfLoginUsers == a.editContactFieldsOfLoginUsers
        && updatesOnlySafetyMargin.equals(a.updatesOnlySafetyMargin)
        && Objects.equals(defaultConnectionStatus, a.defaultConnectionStatus)
        && importGroupIds.equals(a.importGroupIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, baseUrl, runMode, profile.name());
  }

  @Override
  public String toString() {
    return "PcoAccount[id=" + id + ", name=" + name + ", baseUrl=" + baseUrl + ", profile=" + profile.name()
        + ", runMode=" + runMode + ", allowPermissionDowngrade=" + allowPermissionDowngrade
        + ", stoppagePercentage=" + stoppagePercentage + ", stoppageMinimumPeople=" + stoppageMinimumPeople
        + ", archiveDeleteCap=" + archiveDeleteCap + "]";
  }

  /** Builds a {@link PcoAccount}; validates on {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private String name;
    private PcoCredentials credentials;
    private URI baseUrl = DEFAULT_BASE_URL;
    private ApiVersions apiVersions = ApiVersions.DEFAULT;
    private boolean allowPermissionDowngrade;
    private String welcomeEmailTemplateId;
    private RunMode runMode = RunMode.FULL;
    private SyncProfile profile = SyncProfile.bidirectional();
    private NameMapping nameMapping = NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST;
    private int stoppagePercentage = 10;
    private int stoppageMinimumPeople = 3;
    private int archiveDeleteCap = 25;
    private boolean editContactFieldsOfLoginUsers = true;
    private Duration updatesOnlySafetyMargin = Duration.ofMinutes(5);
    private String defaultConnectionStatus;
    private final Map<PermissionLevel, String> importGroupIds = new EnumMap<>(PermissionLevel.class);

    private Builder(String id) {
      HostPerson.requireNonBlank(id, "id");
      this.id = id;
    }

    /** Sets the display name; defaults to the id. */
    public Builder name(String v) {
      name = v;
      return this;
    }

    /** Sets the credentials; required. */
    public Builder credentials(PcoCredentials v) {
      credentials = requireNonNull(v, "credentials == null");
      return this;
    }

    /** Sets the API base URL (a fake PCO in tests). */
    public Builder baseUrl(URI v) {
      baseUrl = requireNonNull(v, "baseUrl == null");
      return this;
    }

    /** Sets the API versions. */
    public Builder apiVersions(ApiVersions v) {
      apiVersions = requireNonNull(v, "apiVersions == null");
      return this;
    }

    /** Allows lowering levels and archiving; off by default. */
    public Builder allowPermissionDowngrade(boolean v) {
      allowPermissionDowngrade = v;
      return this;
    }

    /** Sets the Services welcome email template; {@code null} sends none. */
    public Builder welcomeEmailTemplateId(String v) {
      welcomeEmailTemplateId = v;
      return this;
    }

    /** Sets what a scheduled run reads; {@link RunMode#FULL} by default. */
    public Builder runMode(RunMode v) {
      runMode = requireNonNull(v, "runMode == null");
      return this;
    }

    /** Sets the profile; {@link SyncProfile#bidirectional()} by default. */
    public Builder profile(SyncProfile v) {
      profile = requireNonNull(v, "profile == null");
      return this;
    }

    /** Sets the name mapping. */
    public Builder nameMapping(NameMapping v) {
      nameMapping = requireNonNull(v, "nameMapping == null");
      return this;
    }

    /** Sets the mass-change guard percentage, 0..100; 10 by default, 100 disables it. */
    public Builder stoppagePercentage(int v) {
      if (v < 0 || v > 100) {
        throw new IllegalArgumentException("stoppagePercentage must be 0..100, was " + v);
      }
      stoppagePercentage = v;
      return this;
    }

    /** Sets how many changed linked people the percentage needs before it holds a plan, at least 0; 3 by default. */
    public Builder stoppageMinimumPeople(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("stoppageMinimumPeople must be >= 0, was " + v);
      }
      stoppageMinimumPeople = v;
      return this;
    }

    /** Sets the archive/delete cap per run, at least 0; 25 by default. */
    public Builder archiveDeleteCap(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("archiveDeleteCap must be >= 0, was " + v);
      }
      archiveDeleteCap = v;
      return this;
    }

    /** Sets whether contact fields of PCO people who can log in may be edited; on by default. */
    public Builder editContactFieldsOfLoginUsers(boolean v) {
      editContactFieldsOfLoginUsers = v;
      return this;
    }

    /** Sets the updates-only safety margin, not negative; 5 minutes by default. */
    public Builder updatesOnlySafetyMargin(Duration v) {
      if (requireNonNull(v, "updatesOnlySafetyMargin == null").isNegative()) {
        throw new IllegalArgumentException("updatesOnlySafetyMargin is negative");
      }
      updatesOnlySafetyMargin = v;
      return this;
    }

    /** Sets the connection status of people imported from PCO. */
    public Builder defaultConnectionStatus(String v) {
      defaultConnectionStatus = v;
      return this;
    }

    /** Sets the host group people imported at a PCO level join. */
    public Builder importGroup(PermissionLevel level, String groupId) {
      requireNonNull(level, "level == null");
      HostPerson.requireNonBlank(groupId, "groupId");
      importGroupIds.put(level, groupId);
      return this;
    }

    /**
     * Returns the account.
     *
     * @throws NullPointerException without credentials
     * @throws IllegalArgumentException for a non-https base URL other than loopback
     */
    public PcoAccount build() {
      String scheme = baseUrl.getScheme();
      String host = baseUrl.getHost();
      boolean loopback = host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
      if (!"https".equals(scheme) && !loopback) {
        throw new IllegalArgumentException("baseUrl must use https (except on loopback): " + baseUrl);
      }
      return new PcoAccount(this);
    }
  }
}
