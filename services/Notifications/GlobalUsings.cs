global using System.Security.Claims;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Platform.Contracts;
global using Platform.Notifications.Infrastructure;
global using Platform.Notifications.Model;
global using Platform.Messaging.Outbox;
