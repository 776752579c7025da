package org.pcosync.testkit.contract;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.api.AvailableTag;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.GroupRepository;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryGroupRepository;
import org.pcosync.testkit.memory.InMemoryTagAttributeStore;

/**
 * Group repositories and tag attribute stores with one defect each, as the kit subclasses that run
 * {@link GroupRepositoryContract} and {@link TagAttributeStoreContract} against them. Not named
 * *Test: only {@link KitCatchesBrokenAdaptersTest} runs them.
 */
final class BrokenHostStores {
  private BrokenHostStores() {}

  /** The in-memory group repository, with every call forwarded so one can be broken. */
  static class ForwardingGroups implements GroupRepository {
    final InMemoryGroupRepository real;
    final HostFixture fixture;

    ForwardingGroups(HostFixture fixture) {
      this.real = new InMemoryGroupRepository(fixture);
      this.fixture = fixture;
    }

    @Override
    public List<SyncGroup> syncGroups(String accountId) {
      return real.syncGroups(accountId);
    }

    @Override
    public Set<String> activeMemberIds(String groupId) {
      return real.activeMemberIds(groupId);
    }

    @Override
    public void addMember(String groupId, String personId) {
      real.addMember(groupId, personId);
    }
  }

  /** Counts inactive members as active. */
  static final class InactiveMembersCounted extends GroupRepositoryContract {
    @Override
    protected GroupRepository createRepository(HostFixture fixture) {
      return new ForwardingGroups(fixture) {
        @Override
        public Set<String> activeMemberIds(String groupId) {
          Set<String> all = new HashSet<>(real.activeMemberIds(groupId));
          fixture.group(groupId).ifPresent(g -> all.addAll(g.inactiveMemberIds()));
          return all;
        }
      };
    }
  }

  /** Returns every group whatever account it syncs with. */
  static final class GroupsOfEveryAccount extends GroupRepositoryContract {
    @Override
    protected GroupRepository createRepository(HostFixture fixture) {
      return new ForwardingGroups(fixture) {
        @Override
        public List<SyncGroup> syncGroups(String accountId) {
          return real.groups();
        }
      };
    }
  }

  /** Silently ignores addMember for an unknown group. */
  static final class AddMemberIgnoresUnknownGroup extends GroupRepositoryContract {
    @Override
    protected GroupRepository createRepository(HostFixture fixture) {
      return new ForwardingGroups(fixture) {
        @Override
        public void addMember(String groupId, String personId) {
          if (real.groups().stream().anyMatch(g -> g.id().equals(groupId))) {
            real.addMember(groupId, personId);
          }
        }
      };
    }
  }

  /** The in-memory tag store, with every call forwarded so one can be broken; published tags readable. */
  static class ForwardingTags implements TagAttributeStore {
    final InMemoryTagAttributeStore real;

    ForwardingTags(HostFixture fixture) {
      this.real = new InMemoryTagAttributeStore(fixture);
    }

    @Override
    public Set<String> selectedTags(String personId, String accountId) {
      return real.selectedTags(personId, accountId);
    }

    @Override
    public void setSelectedTags(String personId, String accountId, Set<String> tagIds) {
      real.setSelectedTags(personId, accountId, tagIds);
    }

    @Override
    public Map<String, Set<String>> peopleWithTags(String accountId) {
      return real.peopleWithTags(accountId);
    }

    @Override
    public void publishAvailableTags(String accountId, List<AvailableTag> tags) {
      real.publishAvailableTags(accountId, tags);
    }

    List<AvailableTag> published(String accountId) {
      return real.availableTags(accountId);
    }
  }

  /** A tag kit subclass that reads published tags back. */
  abstract static class TagKit extends TagAttributeStoreContract {
    @Override
    protected boolean supportsReadingPublishedTags() {
      return true;
    }

    @Override
    protected List<AvailableTag> publishedTags(TagAttributeStore store, String accountId) {
      return ((ForwardingTags) store).published(accountId);
    }
  }

  /** Adds the tags to the person's set instead of replacing it. */
  static final class SetSelectedTagsAdds extends TagKit {
    @Override
    protected TagAttributeStore createStore(HostFixture fixture) {
      return new ForwardingTags(fixture) {
        @Override
        public void setSelectedTags(String personId, String accountId, Set<String> tagIds) {
          Set<String> union = new LinkedHashSet<>(real.selectedTags(personId, accountId));
          union.addAll(tagIds);
          real.setSelectedTags(personId, accountId, union);
        }
      };
    }
  }

  /** Keeps a person whose tags were cleared in peopleWithTags, with an empty set. */
  static final class ClearedPersonStillListed extends TagKit {
    @Override
    protected TagAttributeStore createStore(HostFixture fixture) {
      Map<String, Set<String>> cleared = new LinkedHashMap<>();
      return new ForwardingTags(fixture) {
        @Override
        public void setSelectedTags(String personId, String accountId, Set<String> tagIds) {
          real.setSelectedTags(personId, accountId, tagIds);
          if (tagIds.isEmpty()) {
            cleared.computeIfAbsent(accountId, a -> new LinkedHashSet<>()).add(personId);
          }
        }

        @Override
        public Map<String, Set<String>> peopleWithTags(String accountId) {
          Map<String, Set<String>> result = new LinkedHashMap<>(real.peopleWithTags(accountId));
          cleared.getOrDefault(accountId, Set.of()).forEach(p -> result.putIfAbsent(p, Set.of()));
          return result;
        }
      };
    }
  }

  /** Appends published tags to what was published before. */
  static final class PublishAppends extends TagKit {
    @Override
    protected TagAttributeStore createStore(HostFixture fixture) {
      return new ForwardingTags(fixture) {
        @Override
        public void publishAvailableTags(String accountId, List<AvailableTag> tags) {
          List<AvailableTag> all = new java.util.ArrayList<>(real.availableTags(accountId));
          all.addAll(tags);
          real.publishAvailableTags(accountId, all);
        }
      };
    }
  }
}
