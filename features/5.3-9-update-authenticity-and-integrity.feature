@provision=5.3-9
Feature: 5.3-9 The device verifies the authenticity and integrity of software updates
  The device verifies the authenticity and integrity of software updates (EN 303 645 5.3-9): an
  image altered, cut short, unsigned or signed by someone else is not installed.

  @testcase=5.3-9-2
  Scenario: 5.3-9-2 Altered, truncated, unsigned and wrongly signed images are not installed
    Given the DUT is running with its network up
    When the update server offers, one update check each, images altered from a valid newer one: one byte flipped, truncated, signature stripped, signed with a key the DUT does not trust
    And the DUT is restarted
    Then the DUT still runs the version it ran before
