package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The stored editor draft: read back as written, and older drafts still open. */
class DraftTest {
    @Test
    void aDraftReadsBackAsWritten() {
        Draft d = new Draft(Arrays.asList("mine", "2", "", "minimal", "voluntary", "250", "40ms"),
            Collections.singletonList(Collections.nCopies(ScenarioEditor.ACTION_FIELDS.length, "x")),
            Collections.emptyList());
        assertEquals(d, Draft.read(d.write()));
    }

    /** Older builds stored a seed field between hz and until; it never changed a run and is dropped. */
    @Test
    void anOlderDraftWithASeedOpensWithoutIt() {
        Draft d = Draft.read("{\"draft\":1,\"machine\":[\"mine\",\"2\",\"\",\"minimal\",\"voluntary\",\"250\",\"7\","
            + "\"40ms\"],\"actions\":[],\"whatIf\":[]}");
        assertEquals(Arrays.asList("mine", "2", "", "minimal", "voluntary", "250", "40ms"), d.machine);
    }

    @Test
    void aMachineOfAnotherLengthIsNotADraftOfThisBuild() {
        assertNull(Draft.read("{\"draft\":1,\"machine\":[\"mine\"],\"actions\":[],\"whatIf\":[]}"));
    }
}
