package org.vigil.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guards the package table of the architecture guide: dependencies point one way. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.vigil");

  /** Which project packages each package may use (besides itself and libraries). */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("core", Set.of()),
          Map.entry("crypto", Set.of("core")),
          Map.entry("accounts", Set.of("core", "crypto", "records", "audit")),
          Map.entry("schema", Set.of("core")),
          Map.entry("archive", Set.of("core", "crypto")),
          Map.entry("extract", Set.of("core", "schema")),
          Map.entry("records", Set.of("core", "schema")),
          Map.entry("audit", Set.of("core", "crypto", "records")),
          Map.entry("search", Set.of("core")),
          Map.entry("review", Set.of("core", "schema", "records", "audit")),
          Map.entry("testimony", Set.of("core", "schema", "crypto", "records", "audit")),
          Map.entry("export", Set.of("core", "schema", "records")),
          Map.entry("ingest", Set.of("core", "schema", "archive", "extract", "records", "search")),
          Map.entry(
              "app",
              Set.of(
                  "core",
                  "schema",
                  "archive",
                  "extract",
                  "records",
                  "audit",
                  "search",
                  "review",
                  "export",
                  "ingest",
                  "crypto",
                  "accounts",
                  "testimony",
                  "web")),
          Map.entry(
              "web",
              Set.of(
                  "core",
                  "schema",
                  "crypto",
                  "accounts",
                  "archive",
                  "records",
                  "audit",
                  "search",
                  "review",
                  "testimony",
                  "export",
                  "ingest")),
          Map.entry(
              "backup",
              Set.of(
                  "core", "schema", "crypto", "archive", "extract", "records", "audit", "search",
                  "review", "export", "ingest", "app")),
          Map.entry(
              "bench",
              Set.of(
                  "core",
                  "schema",
                  "archive",
                  "extract",
                  "records",
                  "audit",
                  "search",
                  "review",
                  "export",
                  "ingest",
                  "app",
                  "accounts",
                  "crypto",
                  "web")));

  @Test
  void packagesUseOnlyThePackagesTheGuideAllows() {
    Set<String> all =
        Set.of(
            "core",
            "schema",
            "crypto",
            "accounts",
            "archive",
            "extract",
            "records",
            "audit",
            "search",
            "review",
            "testimony",
            "export",
            "ingest",
            "web",
            "app",
            "backup",
            "bench",
            "cli");
    ALLOWED.forEach(
        (pkg, allowed) -> {
          String[] forbidden =
              all.stream()
                  .filter(p -> !p.equals(pkg) && !allowed.contains(p))
                  .map(p -> "org.vigil." + p + "..")
                  .toArray(String[]::new);
          noClasses()
              .that()
              .resideInAPackage("org.vigil." + pkg + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden)
              .allowEmptyShould(true)
              .check(CLASSES);
        });
  }

  @Test
  void onlyRecordsUsesJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.vigil.records..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.sql..")
        .check(CLASSES);
  }

  @Test
  void onlySearchAndBenchUseLucene() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.vigil.search..", "org.vigil.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.lucene..")
        .check(CLASSES);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.vigil.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
