@provision=5.13-1
Feature: 5.13-1 Input data is validated
  The device validates data input via user interfaces, transferred via application programming
  interfaces or between networks in services and devices (EN 303 645 5.13-1). Malformed input
  (broken framing, oversized fields, invalid UTF-8, format strings, deeply nested JSON) must be
  refused without a crash, reboot or hang. The inputs come from a seeded generator: the seed is in
  the summary, and the smallest failing input is kept with a command that replays the run.

  @testcase=5.13-1-2
  Scenario: 5.13-1-2 Malformed input to the local API, the console and the SSH transport neither crashes nor hangs the DUT
    Given the DUT is running with its network up
    When the local API, the console command line and the SSH transport are fed seeded malformed input, a batch at a time
    Then no target crashed, rebooted or hung, and each answered its liveness probe after every batch
