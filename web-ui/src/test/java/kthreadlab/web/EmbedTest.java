package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * The Embed snippet in a blog column: it fits 720 px at its content's height, links back to the
 * full app at the same step and switches language. From file://, Share and Embed say the link is a
 * file on this computer; the single-file app does not describe a folder.
 */
class EmbedTest {
    @Test
    void theSnippetFitsABlogColumnAndLinksBackToTheFullApp(@TempDir Path tmp) throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=run-stop&step=30");
            b.click("btn-embed");
            String snippet = b.byId("share-text").getDomProperty("value");
            assertTrue(snippet.contains("width:100%;max-width:720px"), snippet);
            String note = b.byId("share-note").getText();
            assertTrue(note.contains("a file on this computer"), "from file:// the note says so: " + note);
            String height = snippet.replaceAll("(?s).*height=\"(\\d+)\".*", "$1");
            int h = Integer.parseInt(height);
            // a blog page with a 720 px column holding the snippet as given
            Path blog = tmp.resolve("blog.html");
            Files.writeString(blog, "<!DOCTYPE html><html lang=en><head><title>blog</title></head>"
                + "<body style='margin:0'><main style='width:720px'>" + snippet + "</main></body></html>");
            b.viewport(1000, h + 200);
            b.driver.get(blog.toUri().toString());
            Object frame = b.js("return document.querySelector('iframe')");
            double fw = ((Number) b.js("return arguments[0].getBoundingClientRect().width", frame)).doubleValue();
            assertTrue(fw <= 720, "the frame is " + fw + " px wide in a 720 px column");
            b.driver.switchTo().frame(0);
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(60)).until(d ->
                "true".equals(b.byId("page").getDomAttribute("data-ready"))
                    && "false".equals(b.byId("page").getDomAttribute("data-busy"))
                    && b.linkSettled());
            long scrollH = ((Number) b.js("return document.documentElement.scrollHeight")).longValue();
            long scrollW = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
            long innerH = ((Number) b.js("return innerHeight")).longValue();
            long innerW = ((Number) b.js("return innerWidth")).longValue();
            assertTrue(scrollH <= innerH && scrollW <= innerW,
                "the embedded page fits its frame: " + scrollW + "x" + scrollH + " in " + innerW + "x" + innerH);
            double src = ((Number) b.js("return document.getElementById('source').clientHeight")).doubleValue();
            assertTrue(src >= 200, "the source is readable in the frame (" + src + " px)");
            assertTrue(b.byId("cpu-cards").isDisplayed(), "the CPUs are beside the source");
            String back = b.byId("embed-open").getDomAttribute("href");
            assertTrue(back.endsWith("#v=1&preset=run-stop&step=30"), "the link back opens the same view: " + back);
            // the link back follows the view at once, before the address bar is written
            @SuppressWarnings("unchecked")
            java.util.List<String> now = (java.util.List<String>) b.js("document.getElementById('btn-step').click();"
                + "const p = document.getElementById('page');"
                + "return [p.dataset.step, p.dataset.link, document.getElementById('embed-open').getAttribute('href')];");
            assertEquals("31", now.get(0));
            assertEquals("pending", now.get(1), "the address bar waits for the view to settle");
            assertTrue(now.get(2).endsWith("#v=1&preset=run-stop&step=31"), "the link back is already at step 31: " + now.get(2));
            assertTrue(b.byId("lang").isDisplayed(), "the embed has a language switch");
            new Select(b.byId("lang")).selectByValue("zh");
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(30)).until(d ->
                "zh".equals(b.byId("page").getDomAttribute("data-notes")));
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(30)).until(d ->
                b.byId("embed-open").getDomAttribute("href").contains("lang=zh"));
            b.driver.switchTo().defaultContent();
            b.screenshot("embed-in-blog-column");
        }
    }

    @Test
    void shareFromDiskSaysTheLinkIsAFileHereAndTheSingleFileAppNamesNoFolder() throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=seed&step=3");
            b.click("btn-share");
            String note = b.byId("share-note").getText();
            assertTrue(note.contains("points to a file on this computer"), note);
            File single = new File(System.getProperty("kthreadlab.single", "target/kthreadlab.html"));
            assertTrue(single.isFile(), single + " is built");
            b.driver.get("about:blank");
            b.driver.get(single.toURI() + "#v=1&preset=seed");
            b.waitReady();
            b.click("btn-scenario");
            b.click("dl-offline");
            String m = b.byId("message").getText();
            assertTrue(m.contains("one file"), m);
            assertTrue(!m.contains("folder") && !m.contains("kthreadlab.js"), "no folder layout: " + m);
        }
    }
}
