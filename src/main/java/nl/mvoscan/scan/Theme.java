package nl.mvoscan.scan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

public record Theme(
    String id,
    Text title,
    BigDecimal weight,
    Text description,
    Text advice,
    Map<String, Text> levelAdvice,
    List<Question> questions) {}
