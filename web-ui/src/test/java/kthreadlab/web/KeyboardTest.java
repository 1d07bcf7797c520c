package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The keyboard as a learner uses it: shortcuts act wherever focus is except in text fields, focus
 * never drops to the page when a button disables, the source is a few Tab stops, and the help is
 * a modal dialog.
 */
class KeyboardTest {
    private static String active(Browser b) {
        return (String) b.js("const a = document.activeElement; return a === document.body ? 'body' : (a.id || a.tagName + '.' + a.className);");
    }

    /** Presses Tab until the element with this id has focus (at most 200 times); how many it took. */
    private static int tabsTo(Browser b, String id) {
        int n = 0;
        while (!active(b).equals(id) && n < 200) {
            press(b, Keys.TAB);
            n++;
        }
        assertEquals(id, active(b), "Tab reaches #" + id);
        return n;
    }

    /** Opens seed at step n and clicks Step (which keeps focus). */
    private static void clickStepAt(Browser b, long n) {
        b.open("#v=1&preset=seed&step=" + n);
        b.byId("btn-step").click();
        b.waitStep(n + 1);
    }

    private static void press(Browser b, CharSequence k) {
        new Actions(b.driver).sendKeys(k).perform();
    }

    @Test
    void shortcutsWorkAfterChoosingFromASelectButNotInATextField() throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=seed&step=10");
            Select preset = new Select(b.byId("preset"));
            preset.selectByValue("run-stop");
            b.waitStep(0);
            b.js("arguments[0].focus()", b.byId("preset")); // as after a choice with the mouse
            assertEquals("preset", active(b));
            press(b, Keys.ARROW_RIGHT);
            assertEquals(1, b.idleStep(), "→ steps while the preset select has focus");
            assertEquals("run-stop", b.byId("preset").getDomProperty("value"), "→ did not change the preset");
            press(b, Keys.ARROW_LEFT);
            assertEquals(0, b.idleStep(), "← steps back while the select has focus");
            new Select(b.byId("speed")).selectByValue("30");
            press(b, Keys.ARROW_RIGHT);
            assertEquals(1, b.idleStep());
            assertEquals("30", b.byId("speed").getDomProperty("value"), "→ left the speed alone");
            b.byId("goto").sendKeys("12");
            assertEquals("12", b.byId("goto").getDomProperty("value"), "typing a number in Go to step types it");
            press(b, Keys.ARROW_LEFT);
            press(b, "r");
            assertEquals(1, b.idleStep(), "keys typed in a text field are text, not shortcuts");
            assertEquals("1r2", b.byId("goto").getDomProperty("value"), "← moved the caret, r was typed");
            b.byId("goto").clear();
            b.byId("goto").sendKeys("12" + Keys.ENTER);
            b.waitStep(12);
        }
    }

    @Test
    void focusMovesToANeighbourWhenItsButtonDisables() throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=seed&step=1");
            b.byId("btn-back").click();
            b.waitStep(0);
            assertEquals("btn-step", active(b), "Step back disabled at step 0: focus goes to Step");
            new Select(b.byId("speed")).selectByValue("3");
            b.byId("btn-play").click();
            assertEquals("btn-pause", active(b), "Play disabled while playing: focus goes to Pause");
            press(b, Keys.SPACE);
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(30))
                .until(d -> b.byId("btn-pause").getDomAttribute("disabled") != null);
            assertEquals("btn-play", active(b), "Pause disabled: focus goes back to Play");
            long end = Jvm.history("seed").recorded();
            b.open("#v=1&preset=seed&step=" + (end - 1));
            b.byId("btn-step").click();
            b.waitStep(end);
            assertNotEquals("body", active(b), "Step disabled at the end: focus stays on a control");
            assertEquals("btn-back", active(b));
        }
    }

    @Test
    void editorRowButtonsKeepFocusWhenTheRowsAreRebuilt() throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=run-stop");
            b.click("btn-scenario");
            b.driver.findElement(org.openqa.selenium.By.cssSelector("#editor [data-row='1'] button[aria-label='Move up']")).click();
            assertEquals("Move down", b.js("return document.activeElement.getAttribute('aria-label')"),
                "moved to the top, its Move up disables: focus is on its Move down");
            assertEquals("0", b.js("return document.activeElement.closest('[data-row]').dataset.row"));
            b.driver.findElement(org.openqa.selenium.By.cssSelector("#editor [data-row='1'] button[aria-label='Remove']")).click();
            assertEquals("Remove", b.js("return document.activeElement.getAttribute('aria-label')"),
                "after a removal the row that takes its place has focus");
            b.driver.findElement(org.openqa.selenium.By.cssSelector("#editor [data-row='0'] button[aria-label='Remove']")).click();
            assertEquals("editor-add", active(b), "with no rows left, Add action has focus");
        }
    }

    @Test
    void aFewTabsGoFromStepToTheEventLogAndTheCpus() throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            clickStepAt(b, 400);
            int toLog = tabsTo(b, "log");
            int toState = tabsTo(b, "state");
            // the other controls, one stop for the source file tabs, the source bar (functions, find,
            // follow, notes), the file and its current line: 19 (31 with a stop per file tab, 422 with
            // every line a stop)
            assertTrue(toLog <= 23, "Step → Event log takes " + toLog + " Tabs");
            assertTrue(toState <= 3, "Event log → CPUs takes " + toState + " Tabs");
            long tabbable = (Long) b.js("return document.querySelectorAll('#source a.no:not([tabindex=\"-1\"])').length");
            assertEquals(1, tabbable, "one line number of the source is a Tab stop");
            WebElement stop = b.driver.findElement(org.openqa.selenium.By.cssSelector("#source a.no[tabindex='0']"));
            assertTrue((Boolean) b.js("return arguments[0].closest('.line').classList.contains('cur')", stop),
                "it is the current line's");
        }
    }

    /** The file tab that is a Tab stop (tabindex 0): its file, and how many tabs are stops. */
    private static List<Object> tabStop(Browser b) {
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>) b.js("const s = document.querySelectorAll('#source-tabs .tab:not([tabindex=\"-1\"])');"
            + "return [s.length, s.length ? s[0].dataset.file : ''];");
        return r;
    }

    private static String shownFile(Browser b) {
        return (String) b.js("return document.querySelector('#source .file.shown').dataset.file;");
    }

    private static String focusedFile(Browser b) {
        return (String) b.js("const a = document.activeElement; return a.classList.contains('tab') ? a.dataset.file : '';");
    }

    @Test
    void theFileTabsAreOneTabStopWalkedWithArrows() throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            clickStepAt(b, 400);
            String shown = shownFile(b);
            assertEquals(List.of(1L, shown), tabStop(b), "one file tab is a Tab stop: the shown file's");
            b.js("document.querySelector('#source-tabs .tab[tabindex=\"0\"]').focus();");
            press(b, Keys.ARROW_RIGHT);
            String next = focusedFile(b);
            assertNotEquals(shown, next, "→ moves to the next file's tab");
            assertFalse(next.isEmpty(), "→ keeps the focus on a file tab");
            assertEquals(401, b.step(), "→ on a file tab does not step");
            press(b, Keys.HOME);
            String first = focusedFile(b);
            press(b, Keys.ARROW_LEFT);
            String last = focusedFile(b);
            assertNotEquals(first, last, "← on the first tab goes round to the last");
            press(b, Keys.HOME);
            press(b, Keys.END);
            assertEquals(last, focusedFile(b), "Home and End go to the first and last tabs");
            press(b, Keys.ARROW_RIGHT);
            assertEquals(first, focusedFile(b), "→ on the last tab goes round to the first");
            if (first.equals(shown)) {
                press(b, Keys.ARROW_RIGHT);
            }
            next = focusedFile(b);
            assertEquals(shown, shownFile(b), "moving along the tabs opens nothing");
            press(b, Keys.ENTER);
            assertEquals(next, shownFile(b), "Enter opens the focused tab's file");
            assertEquals(401, b.idleStep(), "nothing stepped");
            press(b, Keys.TAB);
            assertEquals("", focusedFile(b), "Tab leaves the tabs in one press");
            new Actions(b.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            assertEquals(next, focusedFile(b), "Shift+Tab comes back to the tab last used");
            assertEquals(List.of(1L, next), tabStop(b));
            b.js("document.getElementById('btn-step').focus();");
            press(b, Keys.ARROW_RIGHT);
            b.waitStep(402);
            assertEquals(1L, tabStop(b).get(0), "still one Tab stop after the view follows a task");
            assertEquals(shownFile(b), tabStop(b).get(1), "and it is the shown file's tab");
        }
    }

    @Test
    void helpIsAModalDialog() throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            clickStepAt(b, 5);
            press(b, "?");
            assertEquals(true, b.js("return document.getElementById('help').matches(':modal')"), "the help is modal");
            assertEquals("help-close", active(b));
            b.screenshot("help-modal");
            String dim = (String) b.js("return getComputedStyle(document.getElementById('help'), '::backdrop').backgroundColor");
            assertNotEquals("rgba(0, 0, 0, 0)", dim, "the page behind is dimmed");
            for (int i = 0; i < 5; i++) {
                press(b, Keys.TAB);
                assertTrue((Boolean) b.js("return document.getElementById('help').contains(document.activeElement)"
                    + " || document.activeElement === document.body"), "Tab stays in the help: " + active(b));
            }
            press(b, Keys.ARROW_RIGHT);
            assertEquals(6, b.step(), "nothing behind the help acts");
            press(b, Keys.ESCAPE);
            assertFalse((Boolean) b.js("return document.getElementById('help').open"), "Esc closes it");
            assertEquals("btn-step", active(b), "focus returns to where it was");
            List<String> severe = b.severeLogs();
            assertTrue(severe.isEmpty(), severe.toString());
        }
    }
}
