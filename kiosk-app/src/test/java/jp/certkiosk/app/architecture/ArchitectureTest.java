package jp.certkiosk.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's layering, checked on its compiled classes: the demo and the simulator stay off
 * it, its packages form no cycle, and JavaFX lives only in the screens.
 */
class ArchitectureTest {
    static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.certkiosk.app");
    }

    @Test
    void theProductNeverUsesTheDemoOrTheSimulator() {
        noClasses().that().resideInAPackage("jp.certkiosk.app..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.certkiosk.sim..", "jp.certkiosk.demo..",
                        "jp.certkiosk.app.demo..")
                .because("the simulator and the demo are a configuration around the product, never part of it")
                .check(product);
    }

    @Test
    void theProductsPackagesFormNoCycle() {
        slices().matching("jp.certkiosk.app.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void javaFxOnlyInTheScreens() {
        noClasses().that().resideInAPackage("jp.certkiosk.app..").and().resideOutsideOfPackage("jp.certkiosk.app.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the flow, the parts and the headless runner run without a screen")
                .check(product);
    }
}
