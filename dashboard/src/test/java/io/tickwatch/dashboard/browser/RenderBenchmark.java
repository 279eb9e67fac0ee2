package io.tickwatch.dashboard.browser;

import java.util.Map;

/**
 * Measures, inside a page that has loaded uPlot, how long uPlot takes to draw an hour of 1 s data
 * for 20 series (20 x 3600 points): the first draw of a new chart and the median of repeated
 * setData calls, each timed from the call to the end of uPlot's draw hook. The numbers are logged
 * and recorded in docs/PERFORMANCE.md, never asserted.
 */
final class RenderBenchmark {

  static final int SERIES = 20;
  static final int POINTS = 3_600;

  private static final String SCRIPT =
      """
      const [seriesCount, pointCount, rounds, done] = arguments;
      const t0 = Date.now() - pointCount * 1000;
      const data = [Array.from({length: pointCount}, (_, i) => t0 + i * 1000)];
      for (let s = 0; s < seriesCount; s++) {
        data.push(Array.from({length: pointCount}, (_, i) => 10 + s + Math.sin(i / 50 + s) * 3 + Math.random()));
      }
      const box = document.createElement('div');
      box.style.width = '1200px';
      document.body.append(box);
      let resolveDraw = null;
      const series = [{}];
      for (let s = 0; s < seriesCount; s++) series.push({label: 's' + s, stroke: 'hsl(' + (s * 18) + ', 70%, 60%)', points: {show: false}});
      const drawn = () => new Promise((resolve) => { resolveDraw = resolve; });
      const opts = {width: 1200, height: 300, ms: 1, series, scales: {x: {time: true}},
                    hooks: {draw: [() => { if (resolveDraw) { const r = resolveDraw; resolveDraw = null; r(performance.now()); } }]}};
      (async () => {
        let wait = drawn();
        const createStart = performance.now();
        const plot = new uPlot(opts, data, box);
        const createMillis = (await wait) - createStart;
        const setDataMillis = [];
        for (let r = 0; r < rounds; r++) {
          const shifted = data.map((column, c) => c === 0 ? column.map((t) => t + 1000 * (r + 1)) : column);
          wait = drawn();
          const start = performance.now();
          plot.setData(shifted);
          setDataMillis.push((await wait) - start);
        }
        setDataMillis.sort((a, b) => a - b);
        const points = plot.data[0].length * (plot.data.length - 1);
        plot.destroy();
        box.remove();
        done({createMillis, medianSetDataMillis: setDataMillis[rounds >> 1],
              maxSetDataMillis: setDataMillis[rounds - 1], points});
      })().catch((e) => done({error: String(e)}));
      """;

  private RenderBenchmark() {}

  /** Runs the benchmark in the browser's current page (which must have loaded uPlot). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> run(HeadlessChromium browser, int rounds) {
    return (Map<String, Object>) browser.asyncScript(SCRIPT, SERIES, POINTS, rounds);
  }
}
