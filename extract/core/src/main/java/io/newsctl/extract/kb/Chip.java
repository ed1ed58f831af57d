package io.newsctl.extract.kb;

import java.util.List;

/**
 * A chip of the catalog.
 *
 * @param id        stable id, e.g. {@code nvidia-h20}
 * @param vendor    the company that makes it
 * @param canonical display name, e.g. {@code H20}, {@code 昇腾910C}, {@code MTT S80}
 * @param aliases   other ways it is written
 * @param series    product family, e.g. Hopper, Ascend
 * @param kind      gpu, npu, cpu, soc …
 * @param weak      true when its names are too short to trust without chip context nearby
 * @param strong    true when a short model-like name (H100) is distinctive enough to trust anywhere
 */
public record Chip(String id, Company vendor, String canonical, List<String> aliases, String series, String kind,
                   boolean weak, boolean strong) {
}
