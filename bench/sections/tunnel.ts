export { tunnelBenchSection as default } from '../../src/main/core/tunnel/test-support/tunnel-bench';
