package kthreadlab.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Selenium, with the driver path given explicitly so that
 * Selenium Manager never goes to the network. A missing browser fails the test: it never skips.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final Path profile;

    Browser(int width, int height) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + ": apt-get install -y chromium chromium-driver (./test.sh does this as root)");
        }
        profile = Files.createTempDirectory("kthreadlab-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
            "--allow-file-access-from-files", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        viewport(width, height);
    }

    /** Makes the page's viewport exactly this size (the window of headless Chromium is larger). */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Emulates prefers-color-scheme. */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The built site, opened from disk. */
    static String distUrl(String fragment) {
        String dist = System.getProperty("kthreadlab.dist", "target/dist");
        return new File(dist, "index.html").toURI() + fragment;
    }

    /** Opens the page with this fragment (e.g. "#preset=seed&step=3") and waits until it shows it. */
    void open(String fragment) {
        driver.get("about:blank");
        driver.get(distUrl(fragment));
        waitReady();
    }

    void waitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
            "true".equals(d.findElement(By.id("page")).getDomAttribute("data-ready"))
                && "false".equals(d.findElement(By.id("page")).getDomAttribute("data-busy")));
    }

    /** The address bar's fragment now ("" if none), written or not. */
    String rawHash() {
        String u = driver.getCurrentUrl();
        int i = u.indexOf('#');
        return i < 0 ? "" : u.substring(i);
    }

    /** The page has written the view it shows to the address bar (it does so only once the view settles). */
    boolean linkSettled() {
        return !"pending".equals(driver.findElement(By.id("page")).getDomAttribute("data-link"));
    }

    /** Waits until the address bar holds the view shown, then returns its fragment. */
    String settledHash() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> linkSettled());
        return rawHash();
    }

    /** Waits until no long work runs and returns the shown step. */
    long idleStep() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
            "false".equals(d.findElement(By.id("page")).getDomAttribute("data-busy")));
        return step();
    }

    long step() {
        return Long.parseLong(driver.findElement(By.id("page")).getDomAttribute("data-step"));
    }

    void waitStep(long n) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
            Long.toString(n).equals(d.findElement(By.id("page")).getDomAttribute("data-step"))
                && "false".equals(d.findElement(By.id("page")).getDomAttribute("data-busy")));
    }

    /** Waits until the background recorder has recorded at least n steps (the scrubber reaches them). */
    void waitRecorded(long n) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
            Long.parseLong(d.findElement(By.id("scrubber")).getDomAttribute("max")) >= n);
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String id) {
        byId(id).click();
    }

    String html(String id) {
        return byId(id).getDomProperty("innerHTML");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Browser log entries at SEVERE level (uncaught errors, failed loads). */
    List<String> severeLogs() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** Saves a screenshot under target/screenshots as a test artifact. */
    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("kthreadlab.artifacts", "target/screenshots"));
        Files.createDirectories(dir);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }

    /** Quits the browser and deletes its profile folder. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            removeTree(profile);
        }
    }

    /** Deletes a folder a test made and everything in it (what cannot be deleted is left). */
    static void removeTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + dir + ": " + e);
        }
    }
}
