package nl.mvoscan.scan;

import java.util.Locale;

/** The four kinds of question of the contract (§3.3). */
public enum QuestionType {
  CHOICE,
  MULTI,
  NUMBER,
  TEXT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static QuestionType fromId(String id) {
    for (QuestionType type : values()) {
      if (type.id().equals(id)) {
        return type;
      }
    }
    return null;
  }
}
