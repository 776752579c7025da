package org.pcosync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class PermissionLevelTest {

  @Test
  void levelsAreOrderedFromScheduledViewerToAdministrator() {
    assertThat(PermissionLevel.values())
        .containsExactly(
            PermissionLevel.SCHEDULED_VIEWER,
            PermissionLevel.VIEWER,
            PermissionLevel.SCHEDULER,
            PermissionLevel.EDITOR,
            PermissionLevel.ADMINISTRATOR);
    assertThat(PermissionLevel.EDITOR.isHigherThan(PermissionLevel.SCHEDULER)).isTrue();
    assertThat(PermissionLevel.EDITOR.isHigherThan(PermissionLevel.EDITOR)).isFalse();
    assertThat(PermissionLevel.VIEWER.isHigherThan(PermissionLevel.ADMINISTRATOR)).isFalse();
  }

  @Test
  void maxTreatsNullAsLowest() {
    assertThat(PermissionLevel.max(null, PermissionLevel.VIEWER)).isEqualTo(PermissionLevel.VIEWER);
    assertThat(PermissionLevel.max(PermissionLevel.EDITOR, PermissionLevel.VIEWER)).isEqualTo(PermissionLevel.EDITOR);
    assertThat(PermissionLevel.max(null, null)).isNull();
  }

  @Test
  void parsesServicesValuesCaseInsensitively() {
    assertThat(PermissionLevel.parse("Scheduled Viewer")).isEqualTo(PermissionLevel.SCHEDULED_VIEWER);
    assertThat(PermissionLevel.parse("scheduled_viewer")).isEqualTo(PermissionLevel.SCHEDULED_VIEWER);
    assertThat(PermissionLevel.parse(" editor ")).isEqualTo(PermissionLevel.EDITOR);
  }

  @Test
  void rejectsUnknownLevelNamingIt() {
    assertThatThrownBy(() -> PermissionLevel.parse("Archived"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("permissions")
        .hasMessageContaining("Archived")
        .extracting(e -> ((InvalidValueException) e).code())
        .isEqualTo(ErrorCode.INVALID_VALUE);
  }

  @Test
  void archivedAndAbsentAreRaisedByAnyLevel() {
    assertThat(ServicesState.ARCHIVED.isRaisedBy(PermissionLevel.SCHEDULED_VIEWER)).isTrue();
    assertThat(ServicesState.ABSENT.isRaisedBy(PermissionLevel.SCHEDULED_VIEWER)).isTrue();
  }

  @Test
  void activeIsRaisedOnlyByHigherLevel() {
    ServicesState editor = ServicesState.active(PermissionLevel.EDITOR);
    assertThat(editor.isRaisedBy(PermissionLevel.ADMINISTRATOR)).isTrue();
    assertThat(editor.isRaisedBy(PermissionLevel.EDITOR)).isFalse();
    assertThat(editor.isRaisedBy(PermissionLevel.VIEWER)).isFalse();
    assertThat(editor.levelOrNull()).isEqualTo(PermissionLevel.EDITOR);
    assertThat(ServicesState.ARCHIVED.levelOrNull()).isNull();
  }
}
