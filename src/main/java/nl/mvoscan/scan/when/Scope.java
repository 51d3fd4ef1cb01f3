package nl.mvoscan.scan.when;

import java.util.Set;

/** What a condition may refer to: the questions that stand before the one that carries it. */
public interface Scope {

  enum Kind {
    CHOICE,
    MULTI,
    NUMBER,
    TEXT
  }

  enum Reach {
    EARLIER,
    SELF,
    LATER,
    THEME,
    UNKNOWN
  }

  record Reference(Reach reach, Kind kind, Set<String> optionIds) {
    public static Reference of(Reach reach) {
      return new Reference(reach, null, Set.of());
    }
  }

  Reference resolve(String id);
}
