package org.relais.agent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores an agent's enabled modules as one comma-separated column. */
@Converter
public class BannerModulesConverter implements AttributeConverter<Set<BannerModule>, String> {

  @Override
  public String convertToDatabaseColumn(Set<BannerModule> modules) {
    return modules == null
        ? ""
        : modules.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  @Override
  public Set<BannerModule> convertToEntityAttribute(String column) {
    EnumSet<BannerModule> modules = EnumSet.noneOf(BannerModule.class);
    if (column != null && !column.isBlank()) {
      Arrays.stream(column.split(",")).map(BannerModule::valueOf).forEach(modules::add);
    }
    return modules;
  }
}
