global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Platform.Contracts;
global using Platform.Meetings.Infrastructure;
global using Platform.Meetings.Model;
global using Platform.Messaging.Outbox;
