@provision=5.11-2
Feature: 5.11-2 Personal data is removed from associated services
  When the user erases their data from the device, personal data held by associated services is
  removed too (EN 303 645 5.11-2): a factory reset must ask the device's cloud service to delete
  what it keeps of the user, over the same protected channel the device uses for its data.

  @testcase=5.11-2-2
  Scenario: 5.11-2-2 A factory reset asks the cloud service to delete the user's data
    Given the DUT is running with its network up
    And the DUT is in contact with its cloud service
    When the DUT is reset to its factory state with the command the IXIT names
    Then its cloud service has received the deletion request the IXIT declares, over a verified channel
