@provision=5.3-6
Feature: 5.3-6 Automatic updates are enabled in the initialized state and configurable by the user
  If the device supports automatic updates, they are enabled in the initialized state and the user
  can enable, disable and postpone them (EN 303 645 5.3-6).

  @testcase=5.3-6-2 @installs-update
  Scenario: 5.3-6-2 Switched off by the user, no update installs; switched on again, it does
    Given the DUT is running with its network up
    When the user switches automatic updates off with the command the IXIT names
    And a valid newer image is published on the update server and nobody asks the DUT to check
    And the check interval the IXIT declares passes
    Then after a restart the DUT still runs the version it ran before the image was published
    When the user switches automatic updates on with the command the IXIT names
    Then the DUT fetches the published image by itself within the check interval the IXIT declares
    And after a restart the DUT runs the published version

  @testcase=5.3-6-2b
  Scenario: 5.3-6-2b Automatic updates are on in the initialized state: switched off, then a factory reset, and the DUT checks by itself
    Given the DUT is running with its network up
    When the user switches automatic updates off with the command the IXIT names
    And the DUT is reset to its factory state with the update server listening
    Then the DUT checks the update server within the check interval the IXIT declares after it is ready
