package io.newsctl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkWriterTest {

    @Test
    void requestsAreBoundedByBytesAndCountAndKeepTheOrder() {
        BulkWriter writer = new BulkWriter(null, "x", true,
                BulkWriter.Settings.DEFAULT.withLimits(10_000, 3, 1));
        byte[][] json = new byte[8][];
        int[] sizes = {1000, 1000, 1000, 1000, 6000, 4000, 20000, 10};
        for (int i = 0; i < sizes.length; i++) {
            json[i] = new byte[sizes[i]];
        }
        List<List<Integer>> requests = writer.split(IntStream.range(0, 8).boxed().toList(), json);
        // count limit 3; 6000+4000(+overhead) exceed 10000; an oversize document goes alone
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4), List.of(5), List.of(6), List.of(7)), requests);
        writer.close();
    }
}
