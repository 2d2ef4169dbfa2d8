@provision=5.3-4
Feature: 5.3-4 Automatic mechanisms are used for software updates
  When the device is able to have its software updated, it uses automatic mechanisms for software
  updates (EN 303 645 5.3-4): where the IXIT says updates are automatic, a valid newer image on the
  update server is installed with no user action.

  @testcase=5.3-4-2 @installs-update
  Scenario: 5.3-4-2 A valid newer image published on the update server is installed with no user action
    Given the DUT is running with its network up
    When a valid newer image is published on the update server and nobody asks the DUT to check
    Then the DUT fetches the published image by itself within the check interval the IXIT declares
    And after a restart the DUT runs the published version
