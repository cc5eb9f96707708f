package org.tablemq.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The shop page in Debian's headless Chromium, driven by Selenium through the system chromedriver (no driver
 * download). Missing browser: the test is skipped locally and fails in CI, where .ci/run installs it.
 */
final class ShopPage {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path[] BROWSERS = {Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium")};

    private final WebDriver driver;

    private ShopPage(WebDriver driver) {
        this.driver = driver;
    }

    static void inHeadlessChromium(String url, Consumer<ShopPage> steps) {
        Path browser = null;
        for (Path candidate : BROWSERS) {
            browser = browser == null && Files.isExecutable(candidate) ? candidate : browser;
        }
        boolean installed = browser != null && Files.isExecutable(DRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("chromium and chromium-driver must be installed in CI (apt-get install -y chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                // no calls home: on a machine without internet access they fail, slowly and noisily
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--user-data-dir=" + freshProfile());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(url);
            // the page has rendered its first refresh once the figures are filled in
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(
                    () -> !driver.findElement(By.id("payments")).getText().equals("-"));
            steps.accept(new ShopPage(driver));
        } finally {
            driver.quit();
        }
    }

    /** Clicks "Place order" with the form's defaults and returns the id of the order that appears at the top. */
    long placeDefaultOrder() {
        long newestBefore = newestOrder();
        driver.findElement(By.id("place")).click();
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(this::newestOrder, id -> id > newestBefore);
    }

    void pay(long order) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                driver.findElement(By.cssSelector("#order-" + order + " button.pay")).click());
    }

    void awaitStatus(long order, String orderStatus, String shipmentStatus) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            WebElement row = driver.findElement(By.id("order-" + order));
            assertThat(row.findElement(By.cssSelector("td.status")).getText()).isEqualTo(orderStatus);
            assertThat(row.findElement(By.cssSelector("td.shipment")).getText()).isEqualTo(shipmentStatus);
        });
    }

    private long newestOrder() {
        return driver.findElements(By.cssSelector("#orders tbody tr")).stream().findFirst()
                .map(row -> Long.parseLong(row.getAttribute("id").substring("order-".length()))).orElse(0L);
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("tablemq-shop-chromium");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a profile folder for Chromium", e);
        }
    }
}
