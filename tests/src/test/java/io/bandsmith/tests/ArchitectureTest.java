package io.bandsmith.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of style.md as rules: app -> models -> engine, and only app imports JavaFX (JabRef's
 * "doNotUseGuiInLogic").
 */
@AnalyzeClasses(packages = "io.bandsmith", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule engineAndModelsDoNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("io.bandsmith.engine..", "io.bandsmith.models..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("only the app module shows things; physics and models must run headless");

    @ArchTest
    static final ArchRule engineDoesNotReachUp = noClasses()
            .that().resideInAPackage("io.bandsmith.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.bandsmith.models..", "io.bandsmith.app..")
            .because("dependencies point down: app -> models -> engine");

    @ArchTest
    static final ArchRule modelsDoNotReachUp = noClasses()
            .that().resideInAPackage("io.bandsmith.models..")
            .should().dependOnClassesThat().resideInAPackage("io.bandsmith.app..")
            .because("dependencies point down: app -> models -> engine")
            .allowEmptyShould(true);
}
