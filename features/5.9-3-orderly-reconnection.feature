@provision=5.9-3
Feature: 5.9-3 The device reconnects in an orderly way
  The device should connect to networks in an expected, operational and stable state and in an
  orderly fashion, taking the capability of the infrastructure into consideration (EN 303 645
  5.9-3): while its cloud is unreachable it spaces its attempts out instead of hammering the
  network, and it comes back once the uplink returns.

  @testcase=5.9-3-2
  Scenario: 5.9-3-2 While its cloud is unreachable the DUT reconnects at a pace the infrastructure can bear
    Given the DUT is running with its network up
    And the fake cloud receives the DUT's numbered events
    When the rig cuts the DUT's uplink for the long outage the IXIT declares and captures the DUT's link meanwhile
    Then the DUT's connection attempts keep to the IXIT's limit once the outage has lasted its settling time
    And after the uplink returns the DUT reaches the fake cloud again
