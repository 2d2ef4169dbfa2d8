@provision=5.9-2
Feature: 5.9-2 The device stays locally functional when its network goes away
  Devices should remain operating and locally functional in the case of a loss of network access
  and should recover cleanly in the case of restoration of a loss of power (EN 303 645 5.9-2):
  while its uplink is down the local API keeps answering, and the events the device records
  meanwhile reach its cloud once the uplink is back.

  @testcase=5.9-2-2
  Scenario: 5.9-2-2 Cut off from its cloud, the DUT keeps its local API and delivers its events later
    Given the DUT is running with its network up
    And the fake cloud receives the DUT's numbered events
    When the rig cuts the DUT's uplink for the outage the IXIT declares
    Then the DUT's local API answered throughout the outage
    And after the uplink returns every event the DUT numbered reaches the fake cloud
